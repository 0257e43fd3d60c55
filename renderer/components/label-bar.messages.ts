/** Messages of the label bar, in English and Arabic. */
import { defineMessages } from "../i18n/messages.ts";

export const t = defineMessages({
  en: {
    toolbar: "Labels",
    withKey: "{name} (key {key})",
  },
  ar: {
    toolbar: "التسميات",
    withKey: "{name} (المفتاح {key})",
  },
});
