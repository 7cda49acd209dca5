import { defineMessages } from '../define';

/**
 * The guided conversation: every prompt, option, echo, notice and refusal of the landing
 * machine (`machines/landing/meta.ts`, `echo.ts`, `rejection.ts`) and the free-text replies.
 * `conversation.error.<code>` covers every validation and rejection code.
 */
export const conversation = defineMessages(
  {
    'conversation.progress': 'Step {stepNumber} of {totalSteps}',
    'conversation.step.welcome': 'Welcome',
    'conversation.step.identity': 'Identity',
    'conversation.step.presence': 'Presence in Canada',
    'conversation.step.changes': 'Changes since approval',
    'conversation.step.residential': 'Home address',
    'conversation.step.mailing': 'Mailing address',
    'conversation.step.photo': 'PR card photo',
    'conversation.step.review': 'Review and sign',
    'conversation.step.identityMismatch': 'Identity to verify',
    'conversation.step.outsideCanada': 'Outside Canada',
    'conversation.step.submitted': 'In review',
    'conversation.step.photoRejected': 'New photo needed',
    'conversation.step.confirmed': 'Confirmed',
    'conversation.welcome.intro':
      'Hello {givenName}. I’m the landing assistant. I’ll help you confirm your permanent residence online, one question at a time. It takes about 10 minutes.',
    'conversation.welcome.privacy':
      'Privacy notice: we use your answers, your address and your photo only to confirm your permanent residence and to make your PR card. They are protected under the Privacy Act. Only immigration officers and our support team can see them. You can write in English or French at any time.',
    'conversation.welcome.prompt':
      'I’ll ask you to confirm who you are and that you are in Canada. Then a few declarations, your address and your photo. At the end, you review your answers and sign. Shall we start?',
    'conversation.identity.prompt': 'First, is this you? {name}, date of birth {dateOfBirth}, client ID (UCI) {uci}.',
    'conversation.identityMismatch.prompt':
      'Thank you for telling us. We can’t go on until an officer checks your details, and we have let them know. Would you like to talk to a person now?',
    'conversation.presence.inCanada': 'Are you in Canada right now?',
    'conversation.presence.entryDate':
      'On what date did you last enter Canada? For example: 2024-03-05 or March 5, 2024.',
    'conversation.presence.declaration': 'Please confirm this declaration: “I am physically in Canada today.”',
    'conversation.outsideCanada.prompt':
      'Thank you for telling us. You can confirm your permanent residence online only while you are in Canada, so we have stopped here and told an officer. When you are back in Canada, come back to this conversation and we will continue where you left off.',
    'conversation.outsideCanada.portOfEntry':
      'You can also confirm your permanent residence when you arrive in Canada: at the port of entry, show the border services officer your passport and your Confirmation of Permanent Residence. Do it before your confirmation expires.',
    'conversation.changes.intro':
      'Next, a few questions about changes since your application was approved. Answer “yes” if anything changed for you.',
    'conversation.changes.marital':
      'Has your marital status changed? For example, you married, separated, divorced or started living common-law.',
    'conversation.changes.dependants':
      'Do you have a new dependant? For example, a child born or adopted since the approval.',
    'conversation.changes.criminal': 'Have you been charged with or convicted of a crime, in any country?',
    'conversation.changes.medical': 'Has your health changed in a serious way?',
    'conversation.changes.explanation':
      'Please tell us in a few words what changed and when. An officer will read it before confirming your permanent residence.',
    'conversation.residential.prompt': 'What is your home address in Canada?',
    'conversation.residential.note':
      'We mail your permanent resident card within Canada only, so please give a Canadian address.',
    'conversation.mailing.prompt': 'Should we mail your PR card to this same address?',
    'conversation.mailing.address': 'What is your mailing address in Canada?',
    'conversation.photo.prompt':
      'Now, please upload a photo of yourself for your PR card. On a phone, you can also take one now.',
    'conversation.photo.requirements':
      'The photo must be recent and in colour, on a plain, light background, with your face and shoulders centred and no glare. File: JPEG or PNG, 4 MB at most, in portrait, from 715 × 1000 to 2000 × 2800 pixels.',
    'conversation.review.summary': 'Here is a summary of your answers. You can change any of them before you sign.',
    'conversation.review.prompt':
      'If everything is correct, type your full name to sign: {name}. By signing, you declare that the information you gave is true and complete.',
    'conversation.submitted.prompt':
      'Thank you, {givenName}. Your answers are sent. An officer will now review your photo and your declarations.',
    'conversation.submitted.next':
      'You don’t need to stay here. We will email you when there is news, and you can come back to this conversation at any time. If you leave Canada before your permanent residence is confirmed, please tell us.',
    'conversation.photoRejected.intro': 'An officer looked at your photo and could not accept it.',
    'conversation.photoRejected.officerNote': 'The officer’s note: {note}',
    'conversation.photoRejected.prompt': 'Please upload a new photo.',
    'conversation.photoReason.too_dark': 'The photo is too dark.',
    'conversation.photoReason.background': 'The background must be plain and light.',
    'conversation.photoReason.face_not_visible': 'Your whole face must be clearly visible.',
    'conversation.photoReason.glare': 'There is glare on the photo, for example on glasses.',
    'conversation.photoReason.wrong_size': 'The photo does not have the right size or shape.',
    'conversation.photoReason.other': 'The photo does not meet the requirements.',
    'conversation.confirmed.prompt':
      'Congratulations, {givenName}! You are now a permanent resident of Canada. Your date of permanent residence is {prDate}.',
    'conversation.confirmed.download':
      'Download your electronic Confirmation of Permanent Residence (eCOPR), number {documentNumber}. It can be downloaded until {downloadUntil}, so please save a copy.',
    'conversation.confirmed.signByHand':
      'Print your eCOPR, sign it by hand and keep it with your passport. You may need it when you travel or apply for government services.',
    'conversation.confirmed.card':
      'We will mail your PR card to your mailing address. We have also sent you this news by email.',
    'conversation.option.yes': 'Yes',
    'conversation.option.no': 'No',
    'conversation.option.acknowledge': 'I understand, let’s start',
    'conversation.option.identityYes': 'Yes, this is me',
    'conversation.option.identityNo': 'No, this is not me',
    'conversation.option.declarePresence': 'I am physically in Canada',
    'conversation.option.backInCanada': 'I am back in Canada',
    'conversation.option.mailingSame': 'Yes, the same address',
    'conversation.option.mailingDifferent': 'No, another address',
    'conversation.option.leftCanada': 'I have left Canada',
    'conversation.option.help': 'Talk to a person',
    'conversation.address.line': '{street}, {city} {province} {postalCode}',
    'conversation.address.withUnit': '{street}, unit {unit}, {city} {province} {postalCode}',
    'conversation.province.AB': 'Alberta',
    'conversation.province.BC': 'British Columbia',
    'conversation.province.MB': 'Manitoba',
    'conversation.province.NB': 'New Brunswick',
    'conversation.province.NL': 'Newfoundland and Labrador',
    'conversation.province.NS': 'Nova Scotia',
    'conversation.province.NT': 'Northwest Territories',
    'conversation.province.NU': 'Nunavut',
    'conversation.province.ON': 'Ontario',
    'conversation.province.PE': 'Prince Edward Island',
    'conversation.province.QC': 'Quebec',
    'conversation.province.SK': 'Saskatchewan',
    'conversation.province.YT': 'Yukon',
    'conversation.summary.title': 'Your answers',
    'conversation.summary.edit': 'Change',
    'conversation.summary.identity': 'Identity',
    'conversation.summary.person': '{name}, date of birth {dateOfBirth}, UCI {uci}',
    'conversation.summary.entryDate': 'Date of entry into Canada',
    'conversation.summary.presence': 'Physically in Canada',
    'conversation.summary.declaredPresent': 'Yes, declared',
    'conversation.summary.change.marital': 'Change in marital status',
    'conversation.summary.change.dependants': 'New dependants',
    'conversation.summary.change.criminal': 'Criminal charges or convictions',
    'conversation.summary.change.medical': 'Serious change in health',
    'conversation.summary.explanation': 'What changed',
    'conversation.summary.residential': 'Home address',
    'conversation.summary.mailing': 'Mailing address',
    'conversation.summary.sameAsResidential': 'Same as the home address',
    'conversation.summary.photo': 'PR card photo',
    'conversation.summary.photoUploaded': 'Uploaded',
    'conversation.summary.yes': 'Yes',
    'conversation.summary.no': 'No',
    'conversation.summary.text': '{text}',
    'conversation.echo.acknowledge': 'I understand. Let’s start.',
    'conversation.echo.identity.yes': 'Yes, this is me.',
    'conversation.echo.identity.no': 'No, this is not me.',
    'conversation.echo.yes': 'Yes',
    'conversation.echo.no': 'No',
    'conversation.echo.entryDate': 'Date of entry into Canada: {date}',
    'conversation.echo.declarePresence': 'I am physically in Canada.',
    'conversation.echo.text': '{text}',
    'conversation.echo.mailingSame': 'Yes, the same address.',
    'conversation.echo.mailingDifferent': 'No, I’ll give another address.',
    'conversation.echo.photoUploaded': 'Here is my photo.',
    'conversation.echo.photoReplaced': 'Here is my new photo.',
    'conversation.echo.edit.presence': 'I want to change my answers about being in Canada.',
    'conversation.echo.edit.changes': 'I want to change my answers about changes since approval.',
    'conversation.echo.edit.residential': 'I want to change my home address.',
    'conversation.echo.edit.mailing': 'I want to change my mailing address.',
    'conversation.echo.edit.photo': 'I want to change my photo.',
    'conversation.echo.signed': 'Signed: {signature}',
    'conversation.echo.leftCanada': 'I have left Canada.',
    'conversation.echo.backInCanada': 'I am back in Canada.',
    'conversation.echo.requestHelp': 'I would like to talk to a person.',
    'conversation.echo.cancelHelp': 'I don’t need help anymore.',
    'conversation.notice.agentJoined': '{agentName} from our support team joined the conversation.',
    'conversation.notice.agentLeft': 'The support agent left the conversation. I’ll continue with you from here.',
    'conversation.notice.photoApproved': 'Good news: your photo was accepted.',
    'conversation.notice.confirmed': 'An officer confirmed your permanent residence.',
    'conversation.help.offer':
      'Would you like to talk to a person? Choose “Talk to a person” and a support agent will join this conversation.',
    'conversation.help.waiting':
      'I have asked a support agent to join. Please stay in this conversation: someone will be with you as soon as possible. You can keep answering in the meantime.',
    'conversation.reply.status':
      'This portal doesn’t show the status of your application. To check it, sign in to your IRCC secure account.',
    'conversation.reply.unknown':
      'Sorry, I didn’t understand. You can use the buttons or answer in a few words. Here is the question again.',
    'conversation.reply.editFromReview':
      'You can change any answer at the review step, just before you sign. Let’s finish this question first.',
    'conversation.reply.editAfterSubmit':
      'Your answers are already sent, so they can’t be changed here. If something is wrong, please talk to a person.',
    'conversation.reply.languageSwitched': 'Sure, let’s continue in English.',
    'conversation.reply.useAddressForm':
      'Thank you. I added the postal code {postalCode}. Please fill in the rest of the address in the form.',
    'conversation.reply.usePhotoUpload': 'To send your photo, please use the upload button.',
    'conversation.error.event_not_allowed_now': 'That can’t be done at this step. Here is the current question.',
    'conversation.error.photo_not_found': 'We could not find that photo. Please upload it again.',
    'conversation.error.rate_limited': 'You are sending faster than we can answer. Please wait a moment and try again.',
    'conversation.error.invalid_event': 'Something in that answer wasn’t valid. Please try again.',
    'conversation.error.answer_invalid': 'Please answer yes or no.',
    'conversation.error.date_invalid': 'That date doesn’t exist. Please check the day and the month.',
    'conversation.error.date_ambiguous':
      'I can’t tell the day from the month in that date. Please write it like 2024-03-05 or March 5, 2024.',
    'conversation.error.date_unrecognised':
      'I didn’t recognise a date. Please write it like 2024-03-05 or March 5, 2024.',
    'conversation.error.date_in_future': 'That date is in the future. Please check it.',
    'conversation.error.date_before_birth': 'That date is before your date of birth. Please check it.',
    'conversation.error.explanation_required': 'Please tell us in a few words what changed.',
    'conversation.error.explanation_too_long': 'That is too long: 2,000 characters at most. Please shorten it.',
    'conversation.error.street_required': 'Please enter the street address.',
    'conversation.error.street_too_long': 'The street address is too long: 100 characters at most.',
    'conversation.error.unit_too_long': 'The unit is too long: 20 characters at most.',
    'conversation.error.city_required': 'Please enter the city.',
    'conversation.error.city_too_long': 'The city name is too long: 60 characters at most.',
    'conversation.error.province_invalid': 'Please choose a province or territory.',
    'conversation.error.postal_code_invalid': 'Please enter a postal code like A1A 1A1.',
    'conversation.error.postal_code_forbidden_letter':
      'Canadian postal codes never use the letters D, F, I, O, Q or U. Please check it.',
    'conversation.error.postal_code_first_letter': 'Canadian postal codes never start with W or Z. Please check it.',
    'conversation.error.postal_code_province_mismatch':
      'This postal code doesn’t match the province or territory you chose. Please check both.',
    'conversation.error.address_invalid': 'Please check the address.',
    'conversation.error.photo_id_invalid': 'We couldn’t find that photo. Please upload it again.',
    'conversation.error.signature_required': 'Please type your full name to sign.',
    'conversation.error.signature_too_long': 'That is too long for a name. Please type only your full name.',
    'conversation.error.signature_mismatch':
      'The name you typed doesn’t match our records. Please type your given name and family name exactly as shown.',
    'conversation.error.help_already_requested':
      'You have already asked to talk to a person. Someone will join as soon as possible.',
    'conversation.error.photo_not_awaiting_review': 'There is no photo waiting for review.',
    'conversation.error.photo_not_approved': 'The photo must be approved before permanent residence is confirmed.',
    'conversation.error.flags_open': 'This case has open flags. Resolve them before confirming permanent residence.',
    'conversation.error.flag_not_open': 'This flag is not open on the case.',
    'conversation.error.note_required': 'Please add a note.',
    'conversation.error.note_too_long': 'The note is too long.',
    'conversation.error.document_number_invalid': 'The document number is not valid.',
    'conversation.error.agent_name_required': 'The agent’s name is missing.',
  },
  {
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
      'La photo doit être récente et en couleur, sur un fond uni et clair, avec le visage et les épaules centrés et sans reflet. Fichier : JPEG ou PNG, 4 Mo au maximum, en format portrait, de 715 × 1000 à 2000 × 2800 pixels.',
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
      'Imprimez votre CRPe, signez-la à la main et gardez-la avec votre passeport. Vous pourriez en avoir besoin en voyage ou pour demander des services gouvernementaux.',
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
    'conversation.error.rate_limited': 'Vous envoyez plus vite que nous ne pouvons répondre. Veuillez patienter un instant, puis réessayer.',
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
  },
);
