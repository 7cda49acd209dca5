/**
 * The guided conversation: every prompt, option, echo, notice and refusal of the landing
 * machine (`machines/landing/meta.ts`, `echo.ts`, `rejection.ts`) and the free-text replies.
 * `conversation.error.<code>` covers every validation and rejection code.
 */
export const conversationEn = {
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
    'The photo must be recent and in colour, on a plain, light background, with your face and shoulders centred and no glare. You will frame it here: we make the file the card needs (5:7, 715 × 1,000 to 2,000 × 2,800 pixels, under 4 MB).',
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
    'Print your eCOPR and sign it by hand (for a child under 14, a parent signs it), then keep it with your passport. You may need it when you travel or apply for government services.',
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
  'conversation.error.ecopr_expired':
    'The 30 days to download your eCOPR here are over.',
  'conversation.error.text_required':
    'Please type a message before sending it.',
  'conversation.error.text_too_long':
    'That message is too long: 1,000 characters at most. Please shorten it.',
  'conversation.error.client_event_id_invalid':
    'We could not match your answer to this conversation. Please reload the page and try again.',
  'conversation.error.case_id_invalid':
    'We could not match that request to your conversation. Please reload the page.',
  'conversation.error.one_payload_expected':
    'Something in that request was not understood. Please reload the page and try again.',
  'conversation.error.rate_limited':
    'You are sending faster than we can answer. Please wait a moment and try again.',
};
