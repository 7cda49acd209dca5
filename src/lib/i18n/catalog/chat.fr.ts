import type { Translation } from '../define';
import type { chatEn } from './chat.en';

export const chatFr: Translation<typeof chatEn> = {
  'chat.title': 'Votre conversation d’établissement',
  'chat.loading': 'Chargement de votre conversation…',
  'chat.transcript': 'Conversation avec l’assistant d’établissement',
  'chat.author.assistant': 'Assistant d’établissement',
  'chat.author.you': 'Vous',
  'chat.author.agent': '{name}, équipe de soutien',
  'chat.author.agentUnnamed': 'Équipe de soutien',
  'chat.author.notice': 'Avis',
  'chat.received': 'Reçu',
  'chat.pending.waiting': 'En attente d’envoi',
  'chat.pending.sending': 'Envoi en cours…',
  'chat.outbox.one': 'Votre réponse est conservée sur cet appareil et sera envoyée automatiquement dès le retour de la connexion.',
  'chat.outbox.many': '{count} réponses sont conservées sur cet appareil et seront envoyées automatiquement dès le retour de la connexion.',
  'chat.connection.label': 'Connexion :',
  'chat.connection.connected': 'Connecté',
  'chat.connection.connecting': 'Connexion…',
  'chat.connection.reconnecting': 'Reconnexion…',
  'chat.connection.offline': 'Hors ligne',
  'chat.connection.lost': 'La connexion a été interrompue. Nous nous reconnectons ; rien de ce que vous avez envoyé n’est perdu.',
  'chat.connection.offlineHelp': 'Vous semblez hors ligne. Vous pouvez garder cette page ouverte : nous nous reconnecterons dès que votre appareil sera de nouveau en ligne.',
  'chat.session.ended': 'Votre session a pris fin. Reconnectez-vous pour continuer : vos réponses sont enregistrées.',
  'chat.session.signIn': 'Se reconnecter',
  'chat.progress.label': 'Votre progression',
  'chat.progress.value': '{progress} : {step}',
  'chat.answer.label': 'Votre réponse',
  'chat.editing': 'Vous modifiez une réponse. Ensuite, nous reviendrons à la vérification.',
  'chat.text.label': 'Écrivez un message',
  'chat.text.hint': 'Vous pouvez aussi écrire votre réponse, une question, ou « anglais » pour changer de langue.',
  'chat.text.send': 'Envoyer',
  'chat.text.tooLong': 'Votre message est trop long : 1 000 caractères au maximum.',
  'chat.help.short': 'Aide',
  'chat.help.label': 'Aide : parler à une personne',
  'chat.help.waiting': 'Un membre de l’équipe de soutien se joindra bientôt à vous. Vous pouvez continuer à répondre en attendant.',
  'chat.help.cancel': 'Je n’ai plus besoin d’aide',
  'chat.help.joined': '{name}, de notre équipe de soutien, participe à la conversation.',
  'chat.date.hint': 'Utilisez le calendrier, ou tapez la date dans le champ.',
  'chat.date.submit': 'Envoyer la date',
  'chat.date.required': 'Veuillez indiquer la date.',
  'chat.address.legend.residential': 'Votre adresse résidentielle au Canada',
  'chat.address.legend.mailing': 'Votre adresse postale au Canada',
  'chat.address.street': 'Numéro et rue',
  'chat.address.streetHint': 'Par exemple : 1001, rue Sherbrooke Ouest',
  'chat.address.unit': 'Appartement, bureau ou unité (facultatif)',
  'chat.address.city': 'Ville ou municipalité',
  'chat.address.province': 'Province ou territoire',
  'chat.address.chooseProvince': 'Choisir…',
  'chat.address.postalCode': 'Code postal',
  'chat.address.postalCodeHint': 'Par exemple : H3A 1G5',
  'chat.address.country': 'Pays : Canada',
  'chat.address.submit': 'Envoyer l’adresse',
  'chat.photo.choose': 'Choisir une photo',
  'chat.photo.take': 'Prendre une photo maintenant',
  'chat.photo.chooseAnother': 'Choisir une autre photo',
  'chat.photo.preview': 'Votre photo avec le guide de la carte RP',
  'chat.photo.guide': 'Votre visage, du menton au sommet de la tête, doit remplir l’ovale, avec un peu d’espace au-dessus. Le cadre montre le format de la photo de la carte (5 : 7).',
  'chat.photo.checking': 'Vérification de votre photo…',
  'chat.photo.noPreview': 'Nous ne pouvons pas afficher d’aperçu de ce fichier. Vous pouvez tout de même l’envoyer : nous le vérifierons.',
  'chat.photo.dimensions': '{width} × {height} pixels',
  'chat.photo.send': 'Envoyer cette photo',
  'chat.photo.uploading': 'Envoi de votre photo…',
  'chat.photo.progress': '{percent} %',
  'chat.photo.uploadFailed': 'Votre photo n’a pas pu être envoyée, car la connexion a été interrompue. Veuillez réessayer.',
  'chat.photo.serverError': 'Une erreur s’est produite de notre côté pendant la réception de votre photo. Veuillez réessayer dans un instant.',
  'chat.photo.alt': 'Votre photo pour la carte RP',
  'chat.review.change': 'Modifier : {section}',
  'chat.sign.title': 'Signer',
  'chat.sign.label': 'Votre nom complet',
  'chat.sign.hint': 'Tapez-le tel qu’il est affiché : {name}',
  'chat.sign.submit': 'Signer et envoyer',
  'chat.next.title': 'La suite',
  'chat.next.review': 'Un agent examine votre photo et vos déclarations.',
  'chat.next.email': 'Nous vous écrirons par courriel dès qu’il y aura du nouveau.',
  'chat.next.leave': 'Vous pouvez fermer cette page et revenir en tout temps, sur n’importe quel appareil : votre conversation est enregistrée.',
  'chat.next.leftCanada': 'Si vous quittez le Canada avant la confirmation de votre résidence permanente, dites-le-nous ici.',
  'chat.leftCanada.confirm': 'Veuillez confirmer que vous avez quitté le Canada. Nous suspendrons votre établissement en ligne et préviendrons un agent.',
  'chat.leftCanada.yes': 'Oui, j’ai quitté le Canada',
  'chat.cancel': 'Annuler',
  'chat.confirmed.title': 'Votre confirmation de résidence permanente',
  'chat.confirmed.number': 'Numéro de la CRPe',
  'chat.confirmed.prDate': 'Date d’obtention de la résidence permanente',
  'chat.confirmed.until': 'Téléchargeable jusqu’au',
  'chat.refused': 'Veuillez vérifier votre réponse',
  'chat.photo.fixer':
    'Choisissez une photo JPEG ou PNG, jusqu’à 30 Mo et 60 mégapixels. Vous la cadrez ici, et nous lui donnons la taille et le format de la carte avant de l’envoyer.',
  'chat.crop.title':
    'Cadrez votre photo',
  'chat.crop.help':
    'Déplacez le cadre pour que votre tête et vos épaules remplissent le guide. Faites-le glisser, ou pincez pour zoomer. Au clavier : les flèches déplacent le cadre, + et − zooment.',
  'chat.crop.frame':
    'Cadre de la photo',
  'chat.crop.moved':
    'Cadre déplacé.',
  'chat.crop.movedLeft':
    'Cadre déplacé vers la gauche.',
  'chat.crop.movedRight':
    'Cadre déplacé vers la droite.',
  'chat.crop.movedUp':
    'Cadre déplacé vers le haut.',
  'chat.crop.movedDown':
    'Cadre déplacé vers le bas.',
  'chat.crop.edge':
    'Le cadre est au bord de l’image.',
  'chat.crop.zoomed':
    'Zoom à {percent} %.',
  'chat.crop.zoomMax':
    'C’est le zoom le plus proche : la photo serait trop petite.',
  'chat.crop.zoomMin':
    'Le cadre couvre déjà la plus grande partie possible de l’image.',
  'chat.crop.zoomIn':
    'Zoom avant',
  'chat.crop.zoomOut':
    'Zoom arrière',
  'chat.crop.use':
    'Utiliser ce cadre',
  'chat.crop.adjust':
    'Ajuster le cadre',
  'chat.ecopr.download':
    'Télécharger votre CRPe (PDF)',
  'chat.ecopr.daysLeft':
    'Il vous reste {days} jours pour la télécharger, jusqu’au {date}.',
  'chat.ecopr.dayLeft':
    'Il vous reste 1 jour pour la télécharger, jusqu’au {date}.',
  'chat.ecopr.expired':
    'Les 30 jours pour télécharger votre CRPe ici sont écoulés. Pour en obtenir une copie, communiquez avec Immigration, Réfugiés et Citoyenneté Canada au moyen du formulaire Web d’IRCC (canada.ca/ircc-formulaireweb) et indiquez le numéro de votre CRPe, {documentNumber}.',
  'chat.ecopr.print':
    'Imprimez-la, puis signez-la à la main dans la case prévue. Pour un enfant de moins de 14 ans, c’est un parent qui la signe. Gardez-la avec votre passeport.',
  'chat.ecopr.card':
    'Votre carte RP sera postée à cette adresse dès qu’elle sera produite :',
  'chat.ecopr.cardKeep':
    'Gardez votre CRPe signée jusqu’à l’arrivée de la carte. Si vous déménagez d’ici là, dites-le-nous.',
};
