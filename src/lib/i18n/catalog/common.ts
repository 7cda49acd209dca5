import { defineMessages } from '../define';

export const common = defineMessages(
  {
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
  },
  {
    'app.name': 'Portail d’établissement',
    'app.tagline': 'Devenez résident permanent du Canada, en ligne.',
    'nav.skip': 'Passer au contenu principal',
    'nav.language': 'English',
    'nav.languageLabel': 'Display this page in English',
    'home.title': 'Confirmez votre résidence permanente en ligne',
    'home.lead':
      'Si votre demande de résidence permanente a été approuvée et que vous êtes au Canada, notre assistant vous guide dans les dernières étapes, une question à la fois.',
    'home.invitedOnly':
      'Ce portail est accessible sur invitation seulement. Si votre demande a été approuvée, vous recevrez de notre part un courriel avec un lien personnel. Chaque personne visée par la demande reçoit sa propre invitation.',
    'home.steps.title': 'Ce que vous ferez',
    'home.steps.presence': 'Confirmer que vous êtes physiquement au Canada',
    'home.steps.declarations': 'Répondre à quelques déclarations sur les changements depuis l’approbation',
    'home.steps.address': 'Indiquer votre adresse au Canada, où nous posterons votre carte RP',
    'home.steps.photo': 'Téléverser la photo de votre carte RP',
    'home.steps.sign': 'Vérifier vos réponses et signer',
    'home.steps.ecopr': 'Télécharger votre confirmation de résidence permanente électronique',
    'home.status':
      'Ce portail n’affiche pas l’état de votre demande. Pour le consulter, connectez-vous à votre compte sécurisé d’IRCC.',
    'home.signIn': 'Se connecter',
    'footer.privacy': 'Vos réponses servent uniquement à confirmer votre résidence permanente.',
    'error.title': 'Une erreur s’est produite',
    'error.notFound': 'Nous n’avons pas trouvé cette page.',
    'error.generic': 'Une erreur s’est produite de notre côté. Veuillez réessayer dans un instant.',
    'error.home': 'Aller à la page d’accueil',
    'dialog.confirmTitle': 'Veuillez confirmer',
    'dialog.cancel': 'Annuler',
  },
);
