import type { Translation } from '../define';
import type { emailEn } from './email.en';

export const emailFr: Translation<typeof emailEn> = {
  'email.languageFollows': 'La version française suit.',
  'email.greeting': 'Bonjour {name},',
  'email.signature': 'L’équipe du Portail d’établissement',
  'email.automated': 'Ce message a été envoyé automatiquement. Les réponses à cette adresse ne sont pas lues.',
  'email.linkFallback': 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  'email.invitation.subject': 'Invitation : confirmez votre résidence permanente en ligne',
  'email.invitation.heading': 'Confirmez votre résidence permanente en ligne',
  'email.invitation.intro':
    'Votre demande de résidence permanente ({applicationNumber}) a été approuvée. Si vous êtes au Canada, vous pouvez effectuer les dernières étapes, appelées « établissement », en ligne avec notre assistant plutôt qu’à un rendez-vous en personne.',
  'email.invitation.question': 'Voulez-vous terminer votre établissement en ligne ?',
  'email.invitation.accept': 'Oui, je veux terminer en ligne',
  'email.invitation.decline': 'Non, je préfère un rendez-vous en personne',
  'email.invitation.declineNote': 'Si vous répondez non, un agent communiquera avec vous pour fixer un rendez-vous en personne.',
  'email.invitation.personal': 'Ces liens vous sont personnels et ne fonctionnent qu’une seule fois. Ils expirent le {expiresAt}.',
  'email.invitation.eachPerson':
    'Chaque personne visée par la demande, y compris chaque membre de la famille, reçoit sa propre invitation. Si cette invitation concerne votre enfant, elle vous a été envoyée en tant que parent ; votre enfant aura tout de même son propre profil.',
  'email.invitation.noRepresentatives':
    'Ne transférez pas ce courriel. Les consultants en immigration, les avocats et les autres représentants ne peuvent pas utiliser cette invitation ni agir en votre nom dans le portail.',
  'email.credentials.subject': 'Votre nom d’utilisateur et votre mot de passe temporaire pour le Portail d’établissement',
  'email.credentials.heading': 'Votre compte est prêt',
  'email.credentials.intro':
    'Merci d’avoir choisi de confirmer votre résidence permanente en ligne. Voici ce qu’il vous faut pour vous connecter.',
  'email.credentials.username': 'Nom d’utilisateur',
  'email.credentials.password': 'Mot de passe temporaire',
  'email.credentials.oneTime': 'Ce mot de passe temporaire ne fonctionne qu’une seule fois.',
  'email.credentials.stepsTitle': 'Comment vous connecter',
  'email.credentials.step.open': 'Ouvrez la page de connexion à l’aide du lien ci-dessous.',
  'email.credentials.step.enter':
    'Entrez votre nom d’utilisateur et votre mot de passe temporaire exactement comme ils apparaissent ci-dessus.',
  'email.credentials.step.choose':
    'On vous demandera de choisir un nouveau mot de passe. Choisissez-en un que vous n’utilisez nulle part ailleurs.',
  'email.credentials.step.continue': 'Notre assistant vous guide ensuite dans les étapes restantes, une question à la fois.',
  'email.credentials.signIn': 'Se connecter',
  'email.credentials.neverShare':
    'Ne communiquez jamais votre mot de passe à qui que ce soit, y compris à un consultant en immigration, à un avocat ou à un membre de votre famille. Nous ne vous le demanderons jamais.',
  'email.credentials.ownAccount':
    'Ce compte est à vous seul : chaque personne visée par la demande a son propre nom d’utilisateur et son propre mot de passe.',
  'mailbox.title': 'Boîte de courriel de développement',
  'mailbox.lead': 'En développement, le portail n’envoie aucun vrai courriel : chaque message qu’il enverrait est conservé ici.',
  'mailbox.filter': 'Destinataire',
  'mailbox.filterHint': 'Laissez vide pour voir tous les messages.',
  'mailbox.show': 'Afficher les messages',
  'mailbox.loading': 'Chargement des messages…',
  'mailbox.count.one': '{count} message',
  'mailbox.count.other': '{count} messages',
  'mailbox.empty': 'Aucun message pour l’instant.',
  'mailbox.unavailable':
    'La boîte de courriel de développement n’est pas offerte ici. Elle n’existe que lorsque le portail fonctionne sans véritable service de courriel.',
  'mailbox.error': 'Les messages n’ont pas pu être chargés. Veuillez réessayer dans un instant.',
  'mailbox.to': 'À',
  'mailbox.sentAt': 'Envoyé',
  'mailbox.links': 'Liens',
};
