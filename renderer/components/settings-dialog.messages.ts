/** Messages of the Settings dialog, in English and Arabic. */
import { defineMessages } from "../i18n/messages.ts";

export const t = defineMessages({
  en: {
    title: "Settings",
    language: "Interface language",
    system: "System ({name})",
    help: "The language of menus, buttons and messages. Articles keep their own direction.",
    close: "Close",
  },
  ar: {
    title: "الإعدادات",
    language: "لغة الواجهة",
    system: "لغة النظام ({name})",
    help: "لغة القوائم والأزرار والرسائل. تحتفظ المقالات باتجاهها الخاص.",
    close: "إغلاق",
  },
});
