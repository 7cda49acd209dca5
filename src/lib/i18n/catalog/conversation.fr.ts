import type { Translation } from '../define';
import type { conversationEn } from './conversation.en';

export const conversationFr: Translation<typeof conversationEn> = {
  'conversation.progress': 'Étape {stepNumber} sur {totalSteps}',
  'conversation.step.welcome': 'Bienvenue',
  'conversation.step.identity': 'Identité',
  'conversation.step.presence': 'Présence au Canada',
  'conversation.step.changes': 'Changements depuis l’approbation',
  'conversation.step.residential': 'Adresse résidentielle',
  'conversation.step.mailing': 'Adresse postale',
  'conversation.step.photo': 'Photo de la carte RP',
  'conversation.step.review': 'Vérification et signature',
  'conversation.step.identityMismatch': 'Identité à vérifier',
  'conversation.step.outsideCanada': 'À l’extérieur du Canada',
  'conversation.step.submitted': 'En examen',
  'conversation.step.photoRejected': 'Nouvelle photo requise',
  'conversation.step.confirmed': 'Confirmé',
  'conversation.welcome.intro':
    'Bonjour {givenName}. Je suis l’assistant d’établissement. Je vais vous aider à confirmer votre résidence permanente en ligne, une question à la fois. Cela prend environ 10 minutes.',
  'conversation.welcome.privacy':
    'Avis de confidentialité : nous utilisons vos réponses, votre adresse et votre photo uniquement pour confirmer votre résidence permanente et produire votre carte RP. Elles sont protégées par la Loi sur la protection des renseignements personnels. Seuls les agents d’immigration et notre équipe de soutien peuvent les consulter. Vous pouvez écrire en français ou en anglais en tout temps.',
  'conversation.welcome.prompt':
    'Je vais vous demander de confirmer votre identité et votre présence au Canada. Ensuite viendront quelques déclarations, votre adresse et votre photo. À la fin, vous vérifiez vos réponses et vous signez. On commence ?',
  'conversation.identity.prompt':
    'D’abord, est-ce bien vous ? {name}, date de naissance {dateOfBirth}, identificateur unique de client (IUC) {uci}.',
  'conversation.identityMismatch.prompt':
    'Merci de nous l’avoir dit. Nous ne pouvons pas continuer avant qu’un agent vérifie vos renseignements, et nous l’avons prévenu. Voulez-vous parler à une personne maintenant ?',
  'conversation.presence.inCanada': 'Êtes-vous au Canada en ce moment ?',
  'conversation.presence.entryDate':
    'Quelle est la date de votre dernière entrée au Canada ? Par exemple : 2024-03-05 ou 5 mars 2024.',
  'conversation.presence.declaration':
    'Veuillez confirmer cette déclaration : « Je suis physiquement au Canada aujourd’hui. »',
  'conversation.outsideCanada.prompt':
    'Merci de nous l’avoir dit. Vous ne pouvez confirmer votre résidence permanente en ligne que si vous êtes au Canada. Nous nous arrêtons donc ici et nous avons prévenu un agent. À votre retour au Canada, revenez dans cette conversation : nous reprendrons là où vous en étiez.',
  'conversation.outsideCanada.portOfEntry':
    'Vous pouvez aussi confirmer votre résidence permanente à votre arrivée au Canada : au point d’entrée, présentez votre passeport et votre Confirmation de résidence permanente à l’agent des services frontaliers. Faites-le avant l’expiration de votre confirmation.',
  'conversation.changes.intro':
    'Maintenant, quelques questions sur les changements survenus depuis l’approbation de votre demande. Répondez « oui » si quelque chose a changé pour vous.',
  'conversation.changes.marital':
    'Votre état matrimonial a-t-il changé ? Par exemple : mariage, séparation, divorce ou début d’une union de fait.',
  'conversation.changes.dependants':
    'Avez-vous une nouvelle personne à charge ? Par exemple, un enfant né ou adopté depuis l’approbation.',
  'conversation.changes.criminal':
    'Avez-vous fait l’objet d’une accusation ou d’une condamnation criminelle, dans n’importe quel pays ?',
  'conversation.changes.medical': 'Votre état de santé a-t-il changé de façon importante ?',
  'conversation.changes.explanation':
    'Expliquez-nous en quelques mots ce qui a changé et quand. Un agent le lira avant de confirmer votre résidence permanente.',
  'conversation.residential.prompt': 'Quelle est l’adresse de votre domicile au Canada ?',
  'conversation.residential.note':
    'Nous postons la carte de résident permanent au Canada seulement. Veuillez donc indiquer une adresse canadienne.',
  'conversation.mailing.prompt': 'Devons-nous poster votre carte RP à cette même adresse ?',
  'conversation.mailing.address': 'Quelle est votre adresse postale au Canada ?',
  'conversation.photo.prompt':
    'Maintenant, veuillez téléverser une photo de vous pour votre carte RP. Sur un téléphone, vous pouvez aussi en prendre une tout de suite.',
  'conversation.photo.requirements':
    'La photo doit être récente et en couleur, sur un fond uni et clair, avec le visage et les épaules centrés et sans reflet. Vous la cadrerez ici : nous préparons le fichier qu’il faut pour la carte (5 : 7, de 715 × 1 000 à 2 000 × 2 800 pixels, moins de 4 Mo).',
  'conversation.review.summary':
    'Voici un résumé de vos réponses. Vous pouvez modifier n’importe laquelle avant de signer.',
  'conversation.review.prompt':
    'Si tout est exact, tapez votre nom complet pour signer : {name}. En signant, vous déclarez que les renseignements fournis sont exacts et complets.',
  'conversation.submitted.prompt':
    'Merci, {givenName}. Vos réponses sont envoyées. Un agent va maintenant examiner votre photo et vos déclarations.',
  'conversation.submitted.next':
    'Inutile de rester ici. Nous vous écrirons par courriel dès qu’il y aura du nouveau, et vous pouvez revenir dans cette conversation en tout temps. Si vous quittez le Canada avant la confirmation de votre résidence permanente, veuillez nous le dire.',
  'conversation.photoRejected.intro': 'Un agent a examiné votre photo et n’a pas pu l’accepter.',
  'conversation.photoRejected.officerNote': 'Note de l’agent : {note}',
  'conversation.photoRejected.prompt': 'Veuillez téléverser une nouvelle photo.',
  'conversation.photoReason.too_dark': 'La photo est trop sombre.',
  'conversation.photoReason.background': 'Le fond doit être uni et clair.',
  'conversation.photoReason.face_not_visible': 'Votre visage doit être entièrement et clairement visible.',
  'conversation.photoReason.glare': 'Il y a un reflet sur la photo, par exemple sur des lunettes.',
  'conversation.photoReason.wrong_size': 'La photo n’a pas la bonne taille ou les bonnes proportions.',
  'conversation.photoReason.other': 'La photo ne respecte pas les exigences.',
  'conversation.confirmed.prompt':
    'Félicitations, {givenName} ! Votre résidence permanente au Canada est maintenant confirmée. La date de votre résidence permanente est le {prDate}.',
  'conversation.confirmed.download':
    'Téléchargez votre confirmation de résidence permanente électronique (CRPe), numéro {documentNumber}. Elle peut être téléchargée jusqu’au {downloadUntil} : conservez-en une copie.',
  'conversation.confirmed.signByHand':
    'Imprimez votre CRPe et signez-la à la main (pour un enfant de moins de 14 ans, c’est un parent qui la signe), puis gardez-la avec votre passeport. Vous pourriez en avoir besoin en voyage ou pour demander des services gouvernementaux.',
  'conversation.confirmed.card':
    'Nous posterons votre carte RP à votre adresse postale. Nous vous avons aussi annoncé la nouvelle par courriel.',
  'conversation.option.yes': 'Oui',
  'conversation.option.no': 'Non',
  'conversation.option.acknowledge': 'J’ai compris, commençons',
  'conversation.option.identityYes': 'Oui, c’est moi',
  'conversation.option.identityNo': 'Non, ce n’est pas moi',
  'conversation.option.declarePresence': 'Je suis physiquement au Canada',
  'conversation.option.backInCanada': 'Je suis de retour au Canada',
  'conversation.option.mailingSame': 'Oui, la même adresse',
  'conversation.option.mailingDifferent': 'Non, une autre adresse',
  'conversation.option.leftCanada': 'J’ai quitté le Canada',
  'conversation.option.help': 'Parler à une personne',
  'conversation.address.line': '{street}, {city} ({province}) {postalCode}',
  'conversation.address.withUnit': '{street}, app. {unit}, {city} ({province}) {postalCode}',
  'conversation.province.AB': 'Alberta',
  'conversation.province.BC': 'Colombie-Britannique',
  'conversation.province.MB': 'Manitoba',
  'conversation.province.NB': 'Nouveau-Brunswick',
  'conversation.province.NL': 'Terre-Neuve-et-Labrador',
  'conversation.province.NS': 'Nouvelle-Écosse',
  'conversation.province.NT': 'Territoires du Nord-Ouest',
  'conversation.province.NU': 'Nunavut',
  'conversation.province.ON': 'Ontario',
  'conversation.province.PE': 'Île-du-Prince-Édouard',
  'conversation.province.QC': 'Québec',
  'conversation.province.SK': 'Saskatchewan',
  'conversation.province.YT': 'Yukon',
  'conversation.summary.title': 'Vos réponses',
  'conversation.summary.edit': 'Modifier',
  'conversation.summary.identity': 'Identité',
  'conversation.summary.person': '{name}, date de naissance {dateOfBirth}, IUC {uci}',
  'conversation.summary.entryDate': 'Date d’entrée au Canada',
  'conversation.summary.presence': 'Présence physique au Canada',
  'conversation.summary.declaredPresent': 'Oui, déclarée',
  'conversation.summary.change.marital': 'Changement d’état matrimonial',
  'conversation.summary.change.dependants': 'Nouvelles personnes à charge',
  'conversation.summary.change.criminal': 'Accusations ou condamnations criminelles',
  'conversation.summary.change.medical': 'Changement important de l’état de santé',
  'conversation.summary.explanation': 'Ce qui a changé',
  'conversation.summary.residential': 'Adresse résidentielle',
  'conversation.summary.mailing': 'Adresse postale',
  'conversation.summary.sameAsResidential': 'Identique à l’adresse résidentielle',
  'conversation.summary.photo': 'Photo de la carte RP',
  'conversation.summary.photoUploaded': 'Téléversée',
  'conversation.summary.yes': 'Oui',
  'conversation.summary.no': 'Non',
  'conversation.summary.text': '{text}',
  'conversation.echo.acknowledge': 'J’ai compris. Commençons.',
  'conversation.echo.identity.yes': 'Oui, c’est moi.',
  'conversation.echo.identity.no': 'Non, ce n’est pas moi.',
  'conversation.echo.yes': 'Oui',
  'conversation.echo.no': 'Non',
  'conversation.echo.entryDate': 'Date d’entrée au Canada : {date}',
  'conversation.echo.declarePresence': 'Je suis physiquement au Canada.',
  'conversation.echo.text': '{text}',
  'conversation.echo.mailingSame': 'Oui, la même adresse.',
  'conversation.echo.mailingDifferent': 'Non, je vais indiquer une autre adresse.',
  'conversation.echo.photoUploaded': 'Voici ma photo.',
  'conversation.echo.photoReplaced': 'Voici ma nouvelle photo.',
  'conversation.echo.edit.presence': 'Je veux modifier mes réponses sur ma présence au Canada.',
  'conversation.echo.edit.changes': 'Je veux modifier mes réponses sur les changements depuis l’approbation.',
  'conversation.echo.edit.residential': 'Je veux modifier mon adresse résidentielle.',
  'conversation.echo.edit.mailing': 'Je veux modifier mon adresse postale.',
  'conversation.echo.edit.photo': 'Je veux changer ma photo.',
  'conversation.echo.signed': 'Signature : {signature}',
  'conversation.echo.leftCanada': 'J’ai quitté le Canada.',
  'conversation.echo.backInCanada': 'Je suis de retour au Canada.',
  'conversation.echo.requestHelp': 'J’aimerais parler à une personne.',
  'conversation.echo.cancelHelp': 'Je n’ai plus besoin d’aide.',
  'conversation.notice.agentJoined':
    '{agentName}, de notre équipe de soutien, participe maintenant à la conversation.',
  'conversation.notice.agentLeft':
    'La personne de l’équipe de soutien a quitté la conversation. Je continue avec vous.',
  'conversation.notice.photoApproved': 'Bonne nouvelle : votre photo a été acceptée.',
  'conversation.notice.confirmed': 'Un agent a confirmé votre résidence permanente.',
  'conversation.help.offer':
    'Voulez-vous parler à une personne ? Choisissez « Parler à une personne » et un membre de l’équipe de soutien se joindra à cette conversation.',
  'conversation.help.waiting':
    'J’ai demandé à un membre de l’équipe de soutien de se joindre à nous. Restez dans cette conversation : quelqu’un sera avec vous dès que possible. Vous pouvez continuer à répondre en attendant.',
  'conversation.reply.status':
    'Ce portail n’affiche pas l’état de votre demande. Pour le consulter, connectez-vous à votre compte sécurisé d’IRCC.',
  'conversation.reply.unknown':
    'Désolé, je n’ai pas compris. Vous pouvez utiliser les boutons ou répondre en quelques mots. Voici de nouveau la question.',
  'conversation.reply.editFromReview':
    'Vous pourrez modifier n’importe quelle réponse à l’étape de vérification, juste avant de signer. Terminons d’abord cette question.',
  'conversation.reply.editAfterSubmit':
    'Vos réponses sont déjà envoyées : elles ne peuvent plus être modifiées ici. Si quelque chose est inexact, veuillez parler à une personne.',
  'conversation.reply.languageSwitched': 'D’accord, continuons en français.',
  'conversation.reply.useAddressForm':
    'Merci. J’ai ajouté le code postal {postalCode}. Veuillez remplir le reste de l’adresse dans le formulaire.',
  'conversation.reply.usePhotoUpload': 'Pour envoyer votre photo, utilisez le bouton de téléversement.',
  'conversation.error.event_not_allowed_now': 'Ce n’est pas possible à cette étape. Voici la question en cours.',
  'conversation.error.photo_not_found': 'Nous n’avons pas trouvé cette photo. Veuillez la téléverser de nouveau.',
  'conversation.error.invalid_event': 'Un élément de cette réponse n’est pas valide. Veuillez réessayer.',
  'conversation.error.answer_invalid': 'Veuillez répondre par oui ou par non.',
  'conversation.error.date_invalid': 'Cette date n’existe pas. Vérifiez le jour et le mois.',
  'conversation.error.date_ambiguous':
    'Dans cette date, je ne peux pas distinguer le jour du mois. Écrivez-la plutôt ainsi : 2024-03-05 ou 5 mars 2024.',
  'conversation.error.date_unrecognised':
    'Je n’ai pas reconnu de date. Écrivez-la plutôt ainsi : 2024-03-05 ou 5 mars 2024.',
  'conversation.error.date_in_future': 'Cette date est dans le futur. Veuillez la vérifier.',
  'conversation.error.date_before_birth': 'Cette date précède votre date de naissance. Veuillez la vérifier.',
  'conversation.error.explanation_required': 'Expliquez-nous en quelques mots ce qui a changé.',
  'conversation.error.explanation_too_long':
    'C’est trop long : 2 000 caractères au maximum. Veuillez raccourcir le texte.',
  'conversation.error.street_required': 'Veuillez indiquer le numéro et la rue.',
  'conversation.error.street_too_long': 'L’adresse est trop longue : 100 caractères au maximum.',
  'conversation.error.unit_too_long': 'Le numéro d’appartement est trop long : 20 caractères au maximum.',
  'conversation.error.city_required': 'Veuillez indiquer la ville.',
  'conversation.error.city_too_long': 'Le nom de la ville est trop long : 60 caractères au maximum.',
  'conversation.error.province_invalid': 'Veuillez choisir une province ou un territoire.',
  'conversation.error.postal_code_invalid': 'Veuillez indiquer un code postal de la forme A1A 1A1.',
  'conversation.error.postal_code_forbidden_letter':
    'Les codes postaux canadiens n’utilisent jamais les lettres D, F, I, O, Q ou U. Veuillez le vérifier.',
  'conversation.error.postal_code_first_letter':
    'Les codes postaux canadiens ne commencent jamais par W ou Z. Veuillez le vérifier.',
  'conversation.error.postal_code_province_mismatch':
    'Ce code postal ne correspond pas à la province ou au territoire choisi. Veuillez vérifier les deux.',
  'conversation.error.address_invalid': 'Veuillez vérifier l’adresse.',
  'conversation.error.photo_id_invalid': 'Nous n’avons pas trouvé cette photo. Veuillez la téléverser de nouveau.',
  'conversation.error.signature_required': 'Tapez votre nom complet pour signer.',
  'conversation.error.signature_too_long': 'C’est trop long pour un nom. Tapez seulement votre nom complet.',
  'conversation.error.signature_mismatch':
    'Le nom tapé ne correspond pas à nos dossiers. Tapez votre prénom et votre nom de famille exactement comme ils sont affichés.',
  'conversation.error.help_already_requested':
    'Vous avez déjà demandé à parler à une personne. Quelqu’un se joindra à vous dès que possible.',
  'conversation.error.photo_not_awaiting_review': 'Aucune photo n’attend d’examen.',
  'conversation.error.photo_not_approved': 'La photo doit être approuvée avant de confirmer la résidence permanente.',
  'conversation.error.flags_open':
    'Ce dossier a des signalements ouverts. Réglez-les avant de confirmer la résidence permanente.',
  'conversation.error.flag_not_open': 'Ce signalement n’est pas ouvert dans le dossier.',
  'conversation.error.note_required': 'Veuillez ajouter une note.',
  'conversation.error.note_too_long': 'La note est trop longue.',
  'conversation.error.document_number_invalid': 'Le numéro de document n’est pas valide.',
  'conversation.error.agent_name_required': 'Le nom de l’agent est manquant.',
  'conversation.error.ecopr_expired':
    'Les 30 jours pour télécharger votre CRPe ici sont écoulés.',
  'conversation.error.text_required':
    'Veuillez écrire un message avant de l’envoyer.',
  'conversation.error.text_too_long':
    'Ce message est trop long : 1 000 caractères au maximum. Veuillez le raccourcir.',
  'conversation.error.client_event_id_invalid':
    'Nous n’avons pas pu associer votre réponse à cette conversation. Veuillez recharger la page et réessayer.',
  'conversation.error.case_id_invalid':
    'Nous n’avons pas pu associer cette demande à votre conversation. Veuillez recharger la page.',
  'conversation.error.one_payload_expected':
    'Une partie de cette demande n’a pas été comprise. Veuillez recharger la page et réessayer.',
  'conversation.error.rate_limited':
    'Vous envoyez plus vite que nous ne pouvons répondre. Veuillez patienter un instant, puis réessayer.',
};
