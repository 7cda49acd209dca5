import type { Lang } from '$lib/i18n/lang';

declare global {
  namespace App {
    interface Locals {
      lang: Lang;
    }
    interface PageData {
      lang: Lang;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
