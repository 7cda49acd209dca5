import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  viewer: locals.viewer,
  stage: locals.stage,
  demo: locals.demo,
});
