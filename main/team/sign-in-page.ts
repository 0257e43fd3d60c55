/**
 * The team server's sign-in page: a plain HTML form, in Arabic and English, with no script
 * and no inline style (the page's CSP forbids both; main/security/policy.ts).
 */

const escape = (s: string) =>
  s.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The page's HTML.
 * @param failed the last attempt's name or password was wrong (one answer for both)
 * @param name the name to fill in again
 */
export function signInPage({ failed, name }: { failed: boolean; name: string }): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>قول — الدخول · Qawl — sign in</title><link rel="stylesheet" href="/login.css"></head>
<body>
<main>
<h1>قول · <span lang="en" dir="ltr">Qawl</span></h1>
<form method="post" action="/login">
${failed ? `<p role="alert">الاسم أو كلمة المرور غير صحيحة · <span lang="en" dir="ltr">Wrong name or password</span></p>\n` : ""}<p><label>الاسم · <span lang="en" dir="ltr">Name</span> <input name="name" autocomplete="username" required value="${escape(name)}" dir="auto"></label></p>
<p><label>كلمة المرور · <span lang="en" dir="ltr">Password</span> <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">ادخل · <span lang="en" dir="ltr">Sign in</span></button></p>
</form>
</main>
</body>
</html>
`;
}

/** The sign-in page's stylesheet (a file of its own: the CSP allows no inline style). */
export const SIGN_IN_CSS = `body { margin: 0; font-family: "Noto Naskh Arabic", "Noto Sans", sans-serif; background: #f5f5f4; color: #1c1917; }
main { max-inline-size: 24rem; margin-block: 12vh; margin-inline: auto; padding: 2rem; background: #fff; border: 1px solid #d6d3d1; border-radius: 0.5rem; }
h1 { margin-block: 0 1.5rem; font-size: 1.5rem; }
label { display: grid; gap: 0.25rem; }
input { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #a8a29e; border-radius: 0.25rem; }
button { font: inherit; padding: 0.4rem 1rem; border: 0; border-radius: 0.25rem; background: #1d4ed8; color: #fff; cursor: pointer; }
[role="alert"] { color: #b91c1c; }
`;
