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
<head><meta charset="utf-8"><title>قول — الدخول · Qawl — sign in</title></head>
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
