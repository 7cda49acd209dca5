import { emailFr } from '../catalog/email.fr';

/** The French side of `email.en.ts`. */
export default { ...emailFr };
