export const commonEn = {
  'app.name': 'Landing Portal',
  'app.tagline': 'Finish becoming a permanent resident of Canada, online.',
  'nav.skip': 'Skip to main content',
  'nav.language': 'Français',
  'nav.languageLabel': 'Afficher cette page en français',
  'home.title': 'Confirm your permanent residence online',
  'home.lead':
    'If your permanent residence application was approved and you are in Canada, our assistant guides you through the last steps, one question at a time.',
  'home.invitedOnly':
    'This portal is by invitation only. If your application was approved, you will receive an email from us with a personal link. Each person on the application gets their own invitation.',
  'home.steps.title': 'What you will do',
  'home.steps.presence': 'Confirm that you are physically in Canada',
  'home.steps.declarations': 'Answer a few declarations about changes since your approval',
  'home.steps.address': 'Give your Canadian address, where we mail your PR card',
  'home.steps.photo': 'Upload the photo for your PR card',
  'home.steps.sign': 'Review your answers and sign',
  'home.steps.ecopr': 'Download your electronic Confirmation of Permanent Residence',
  'home.status':
    'This portal does not show the status of your application. To check it, sign in to your IRCC secure account.',
  'home.signIn': 'Sign in',
  'footer.privacy': 'Your answers are used only to confirm your permanent residence.',
  'error.title': 'Something went wrong',
  'error.notFound': 'We could not find this page.',
  'error.generic': 'Something went wrong on our side. Please try again in a moment.',
  'error.home': 'Go to the home page',
  'dialog.confirmTitle': 'Please confirm',
  'dialog.cancel': 'Cancel',
};
