import { PageSizes, PDFDocument, StandardFonts } from 'pdf-lib';
import { translate, type MessageKey } from '../../src/lib/i18n/messages.server';
import { alert, PageWriter, standardEncodes } from './pdf-layout';
import {
  BOTTOM_BLOCK,
  fieldRows,
  footer,
  footerTop,
  heading,
  instructions,
  specimenBanner,
  statement,
  verificationAndSignature,
  watermark,
} from './ecopr-pdf.sections';
import { embedUnicodeFonts } from './unicode-fonts';
import { verificationQrPng } from './verification-qr';

/** What the eCOPR prints about its holder. */
export interface EcoprPdfData {
  documentNumber: string;
  givenName: string;
  familyName: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  /** Digits only. */
  uci: string;
  applicationNumber: string;
  /** `YYYY-MM-DD`. */
  prDate: string;
  /** One printable line. */
  mailingAddress: string;
  issuedAt: Date;
}

/** Font scales tried in turn until the longest names and addresses fit on the one page. */
const SCALES = [1, 0.92, 0.84, 0.76];

/**
 * Renders the eCOPR: one Letter page, English and French side by side, with the holder's
 * details, a QR code for `verifyUrl` (printed under it too), a signature line and, everywhere,
 * a SPECIMEN marking, because this demonstration must never pass for an IRCC document.
 * Text is real PDF text (standard fonts, plus subset Noto fonts for names in other scripts), so it
 * can be searched and read aloud.
 */
export async function renderEcoprPdf(data: EcoprPdfData, options: { verifyUrl: string }): Promise<Uint8Array> {
  const qrPng = await verificationQrPng(options.verifyUrl);
  for (const scale of SCALES) {
    const { pdf, fits } = await drawEcopr(data, options.verifyUrl, qrPng, scale);
    if (fits || scale === SCALES[SCALES.length - 1]) return pdf.save({ useObjectStreams: false });
  }
  throw new Error('unreachable: the last scale always returns');
}

/** Draws the page with the flowing part's fonts at `scale`; `fits` is false when it ran into the bottom block. */
async function drawEcopr(data: EcoprPdfData, verifyUrl: string, qrPng: Uint8Array, scale: number) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage(PageSizes.Letter);
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  // The holder's own words are the only text that may need more than the standard fonts.
  const own = [data.givenName, data.familyName, data.mailingAddress, data.documentNumber, verifyUrl];
  const encodable = new Set(fonts.regular.getCharacterSet());
  const writer = new PageWriter(
    page,
    fonts,
    await embedUnicodeFonts(
      pdf,
      own.filter((text) => !standardEncodes(encodable, text)),
    ),
  );

  watermark(writer);
  page.drawRectangle({ x: 27, y: 27, width: page.getWidth() - 54, height: page.getHeight() - 54, borderColor: alert, borderWidth: 0.8 });
  // Drawn in reading order; the bottom block sits on the footer, the rest flows from the top.
  const footerAt = footerTop(writer);
  const bottomTop = footerAt - 10 - BOTTOM_BLOCK;
  const bannerBottom = specimenBanner(writer);
  writer.scale = scale;
  let y = heading(writer, bannerBottom + 12);
  y = fieldRows(writer, data, y + 8);
  y = statement(writer, y + 10);
  y = instructions(writer, data.mailingAddress, y + 12);
  writer.scale = 1;
  verificationAndSignature(writer, await pdf.embedPng(qrPng), verifyUrl, bottomTop);
  footer(writer, data, footerAt);

  describe(pdf, data);
  return { pdf, fits: y + 8 <= bottomTop };
}

/** Document properties: a title and the SPECIMEN marking; no personal data beyond the document number. */
function describe(pdf: PDFDocument, data: EcoprPdfData) {
  const both = (key: MessageKey) => `${translate('en', key)} / ${translate('fr', key)}`;
  pdf.setTitle(`${both('ecopr.pdf.metadataTitle')} – ${data.documentNumber}`);
  pdf.setSubject(both('ecopr.pdf.specimen'));
  pdf.setKeywords(['eCOPR', 'SPECIMEN', 'demonstration']);
  pdf.setCreator('Landing Portal (demonstration)');
  pdf.setProducer('Landing Portal (demonstration)');
  pdf.setLanguage('en-CA');
  pdf.setCreationDate(data.issuedAt);
  pdf.setModificationDate(data.issuedAt);
}
