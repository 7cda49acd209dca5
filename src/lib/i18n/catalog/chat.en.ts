/**
 * The applicant's chat page: its frame, connection and sending states, and the answer widgets.
 * The conversation itself (prompts, echoes, errors, province names) is in `conversation.ts`.
 * French typography as in the other catalogs: a no-break space (U+00A0) before : and % and inside
 * « », a narrow one (U+202F) before ; ? !.
 */
export const chatEn = {
  'chat.title': 'Your landing conversation',
  'chat.loading': 'Loading your conversation…',
  'chat.transcript': 'Conversation with the landing assistant',
  'chat.author.assistant': 'Landing assistant',
  'chat.author.you': 'You',
  'chat.author.agent': '{name}, support team',
  'chat.author.agentUnnamed': 'Support team',
  'chat.author.notice': 'Notice',
  'chat.received': 'Received',
  'chat.pending.waiting': 'Waiting to send',
  'chat.pending.sending': 'Sending…',
  'chat.outbox.one': 'Your answer is saved on this device and will be sent automatically as soon as the connection is back.',
  'chat.outbox.many': '{count} answers are saved on this device and will be sent automatically as soon as the connection is back.',
  'chat.connection.label': 'Connection:',
  'chat.connection.connected': 'Connected',
  'chat.connection.connecting': 'Connecting…',
  'chat.connection.reconnecting': 'Reconnecting…',
  'chat.connection.offline': 'Offline',
  'chat.connection.lost': 'The connection was interrupted. We are reconnecting; nothing you sent is lost.',
  'chat.connection.offlineHelp': 'You seem to be offline. You can keep this page open: we will reconnect when your device is back online.',
  'chat.session.ended': 'Your session has ended. Sign in again to continue: your answers are saved.',
  'chat.session.signIn': 'Sign in again',
  'chat.progress.label': 'Your progress',
  'chat.progress.value': '{progress}: {step}',
  'chat.answer.label': 'Your answer',
  'chat.editing': 'You are changing an answer. When you are done, we will come back to the review.',
  'chat.text.label': 'Type a message',
  'chat.text.hint': 'You can also type your answer, a question, or “French” to switch languages.',
  'chat.text.send': 'Send',
  'chat.text.tooLong': 'Your message is too long: 1,000 characters at most.',
  'chat.help.short': 'Help',
  'chat.help.label': 'Help: talk to a person',
  'chat.help.waiting': 'A support agent will join you soon. You can keep answering in the meantime.',
  'chat.help.cancel': 'I no longer need help',
  'chat.help.joined': '{name} from our support team is in the conversation.',
  'chat.date.hint': 'Use the calendar, or type the date in the field.',
  'chat.date.submit': 'Send the date',
  'chat.date.required': 'Please enter the date.',
  'chat.address.legend.residential': 'Your home address in Canada',
  'chat.address.legend.mailing': 'Your mailing address in Canada',
  'chat.address.street': 'Street address',
  'chat.address.streetHint': 'Number and street, for example 24 Sussex Drive',
  'chat.address.unit': 'Apartment, suite or unit (optional)',
  'chat.address.city': 'City or town',
  'chat.address.province': 'Province or territory',
  'chat.address.chooseProvince': 'Choose…',
  'chat.address.postalCode': 'Postal code',
  'chat.address.postalCodeHint': 'For example, K1A 0B1',
  'chat.address.country': 'Country: Canada',
  'chat.address.submit': 'Send the address',
  'chat.photo.choose': 'Choose a photo',
  'chat.photo.take': 'Take a photo now',
  'chat.photo.chooseAnother': 'Choose another photo',
  'chat.photo.preview': 'Your photo with the PR card guide',
  'chat.photo.guide': 'Your face, from chin to the top of your head, should fill the oval, with a little space above. The frame shows the shape of the card photo (5:7).',
  'chat.photo.checking': 'Checking your photo…',
  'chat.photo.noPreview': 'We cannot show a preview of this file. You can still send it: we will check it.',
  'chat.photo.dimensions': '{width} × {height} pixels',
  'chat.photo.send': 'Send this photo',
  'chat.photo.uploading': 'Sending your photo…',
  'chat.photo.progress': '{percent}%',
  'chat.photo.uploadFailed': 'Your photo could not be sent because the connection was interrupted. Please try again.',
  'chat.photo.serverError': 'Something went wrong on our side while receiving your photo. Please try again in a moment.',
  'chat.photo.alt': 'Your PR card photo',
  'chat.review.change': 'Change: {section}',
  'chat.sign.title': 'Sign',
  'chat.sign.label': 'Your full name',
  'chat.sign.hint': 'Type it as shown: {name}',
  'chat.sign.submit': 'Sign and send',
  'chat.next.title': 'What happens next',
  'chat.next.review': 'An officer reviews your photo and your declarations.',
  'chat.next.email': 'We will email you as soon as there is news.',
  'chat.next.leave': 'You can close this page and come back at any time, on any device: your conversation is saved.',
  'chat.next.leftCanada': 'If you leave Canada before your permanent residence is confirmed, tell us here.',
  'chat.leftCanada.confirm': 'Please confirm that you have left Canada. We will pause your online landing and tell an officer.',
  'chat.leftCanada.yes': 'Yes, I have left Canada',
  'chat.cancel': 'Cancel',
  'chat.confirmed.title': 'Your Confirmation of Permanent Residence',
  'chat.confirmed.number': 'eCOPR number',
  'chat.confirmed.prDate': 'Date you became a permanent resident',
  'chat.confirmed.until': 'Available to download until',
  'chat.refused': 'Please check your answer',
  'chat.photo.fixer':
    'Choose any JPEG or PNG photo, up to 30 MB and 60 megapixels. You frame it here, and we make it the right size and shape for the card before sending it.',
  'chat.crop.title':
    'Frame your photo',
  'chat.crop.help':
    'Move the frame so that your head and shoulders fill the guide. Drag it, or pinch to zoom. With a keyboard: the arrow keys move the frame, + and − zoom.',
  'chat.crop.frame':
    'Photo frame',
  'chat.crop.moved':
    'Frame moved.',
  'chat.crop.movedLeft':
    'Frame moved left.',
  'chat.crop.movedRight':
    'Frame moved right.',
  'chat.crop.movedUp':
    'Frame moved up.',
  'chat.crop.movedDown':
    'Frame moved down.',
  'chat.crop.edge':
    'The frame is at the edge of the picture.',
  'chat.crop.zoomed':
    'Zoom {percent}%.',
  'chat.crop.zoomMax':
    'This is the closest zoom: the photo would be too small.',
  'chat.crop.zoomMin':
    'The frame already covers as much of the picture as it can.',
  'chat.crop.zoomIn':
    'Zoom in',
  'chat.crop.zoomOut':
    'Zoom out',
  'chat.crop.use':
    'Use this frame',
  'chat.crop.adjust':
    'Adjust the frame',
  'chat.ecopr.download':
    'Download your eCOPR (PDF)',
  'chat.ecopr.daysLeft':
    '{days} days left to download it, until {date}.',
  'chat.ecopr.dayLeft':
    '1 day left to download it, until {date}.',
  'chat.ecopr.expired':
    'The 30 days to download your eCOPR here are over. To get a copy, contact Immigration, Refugees and Citizenship Canada through the IRCC Web form (canada.ca/ircc-webform) and give your eCOPR number, {documentNumber}.',
  'chat.ecopr.print':
    'Print it, then sign it by hand in the signature box. For a child under 14, a parent signs it. Keep it with your passport.',
  'chat.ecopr.card':
    'Your PR card will be mailed to this address once it is made:',
  'chat.ecopr.cardKeep':
    'Keep your signed eCOPR until the card arrives. If you move before then, tell us.',
};
