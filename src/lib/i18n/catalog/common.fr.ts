import type { Translation } from '../define';
import type { commonEn } from './common.en';

export const commonFr: Translation<typeof commonEn> = {
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
  'home.status': 'Ce portail n’affiche pas l’état de votre demande. Pour le consulter, connectez-vous à votre compte sécurisé d’IRCC.',
  'home.signIn': 'Se connecter',
  'footer.privacy': 'Vos réponses servent uniquement à confirmer votre résidence permanente.',
  'error.title': 'Une erreur s’est produite',
  'error.notFound': 'Nous n’avons pas trouvé cette page.',
  'error.generic': 'Une erreur s’est produite de notre côté. Veuillez réessayer dans un instant.',
  'error.home': 'Aller à la page d’accueil',
  'dialog.confirmTitle': 'Veuillez confirmer',
  'dialog.cancel': 'Annuler',
};
