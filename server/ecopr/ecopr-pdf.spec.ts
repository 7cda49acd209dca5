import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfImages, pdfInfo, pdfPageCount, pdfTextLines, pdfTextRuns } from '../../tests/support/pdf-reader';
import { renderEcoprPdf, type EcoprPdfData } from './ecopr-pdf';
import { QR_MARGIN_MODULES } from './verification-qr';

const verifyUrl = 'https://landing.example.ca/verify/ECOPR-7KQ2-M9XP-4HTA';
const zoe: EcoprPdfData = {
  documentNumber: 'ECOPR-7KQ2-M9XP-4HTA',
  givenName: 'Zoë Hélène',
  familyName: 'Lefebvre-Tremblay',
  dateOfBirth: '1990-02-28',
  uci: '12345678',
  applicationNumber: 'E001234567',
  prDate: '2026-06-01',
  mailingAddress: '5-24 Sussex Dr, Ottawa ON K1M 1M4',
  issuedAt: new Date('2026-06-01T15:00:00Z'),
};

const render = (data: Partial<EcoprPdfData> = {}) => renderEcoprPdf({ ...zoe, ...data }, { verifyUrl });

describe('renderEcoprPdf', () => {
  it('prints the holder’s details, accents included, and the formatted UCI', async () => {
    const text = pdfTextLines(await render());
    expect(text).toEqual(
      expect.arrayContaining([
        'Zoë Hélène',
        'Lefebvre-Tremblay',
        '1990-02-28',
        '1234-5678',
        'E001234567',
        '2026-06-01',
        'ECOPR-7KQ2-M9XP-4HTA',
      ]),
    );
    expect(pdfTextLines(await render({ uci: '1234567890' }))).toContain('12-3456-7890');
  });

  it('is complete in English and in French', async () => {
    const text = pdfTextLines(await render()).join('\n');
    for (const expected of [
      'Confirmation of Permanent Residence',
      'Confirmation de résidence permanente',
      'Date of permanent residence',
      'Date de résidence permanente',
      'Unique client identifier (UCI)',
      'Identificateur client unique (IUC)',
      'Print this document.',
      'Imprimez ce document.',
      'Sign it by hand, in ink.',
      'Signez-le à la main, à l’encre.',
      'A parent or legal guardian signs for a child under 14.',
      'Signature of the holder / Signature du titulaire',
      'Under 14: a parent or legal guardian signs.',
      'Moins de 14 ans : un parent ou un tuteur légal signe.',
    ]) {
      expect(text).toContain(expected);
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('card will be mailed to 5-24 Sussex Dr, Ottawa ON K1M 1M4.');
    expect(flat).toContain('envoyée par la poste à l’adresse suivante : 5-24 Sussex Dr, Ottawa ON K1M 1M4.');
    // The civic number stays with the street: a no-break space joins them.
    expect(text).toContain('5-24\u00a0Sussex Dr');
  });

  it('is marked as a specimen that is not an official document, in both languages', async () => {
    const text = pdfTextLines(await render()).join('\n');
    expect(text).toContain('SPECIMEN — Landing Portal demonstration   |   SPÉCIMEN — démonstration du Portail d’établissement');
    expect(text.replace(/\n/g, ' ')).toContain('This is not an official document of Immigration, Refugees and Citizenship Canada (IRCC).');
    expect(text.replace(/\n/g, ' ')).toContain(
      'Ce document n’est pas un document officiel d’Immigration, Réfugiés et Citoyenneté Canada (IRCC).',
    );
    const watermark = pdfTextRuns(await render()).find((run) => run.text === 'SPECIMEN');
    expect(watermark?.size).toBeGreaterThanOrEqual(100);
  });

  it('embeds a QR code that encodes the verification address, printed under it', async () => {
    const pdf = await render();
    expect(pdfTextLines(pdf)).toContain(verifyUrl);
    const [qr, ...others] = pdfImages(pdf).filter((image) => image.colorSpace === 'DeviceRGB');
    expect(others).toHaveLength(0);
    const modules = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' }).modules;
    const scale = qr!.width / (modules.size + 2 * QR_MARGIN_MODULES);
    expect(Number.isInteger(scale)).toBe(true);
    const darkAt = (row: number, col: number) => {
      const [x, y] = [(col + QR_MARGIN_MODULES + 0.5) * scale, (row + QR_MARGIN_MODULES + 0.5) * scale].map(Math.floor);
      return qr!.samples[(y! * qr!.width + x!) * 3]! < 128 ? 1 : 0;
    };
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) expect(darkAt(row, col), `module ${row},${col}`).toBe(modules.get(row, col));
    }
  });

  it('is one Letter page whose properties hold no personal data', async () => {
    const pdf = await render();
    expect(pdfPageCount(pdf)).toBe(1);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox \[ 0 0 612 792 \]/);
    expect(pdfInfo(pdf, 'Title')).toBe(
      'Confirmation of Permanent Residence (specimen) / Confirmation de résidence permanente (spécimen) – ECOPR-7KQ2-M9XP-4HTA',
    );
    expect(pdfInfo(pdf, 'Author')).toBeNull();
    const properties = ['Title', 'Subject', 'Keywords', 'Creator', 'Producer'].map((key) => pdfInfo(pdf, key) ?? '').join(' ');
    expect(properties).not.toMatch(/Zoë|Lefebvre|1234|E001234567|Sussex/);
  });

  it('fits the longest names and address on the page, above the QR code and the signature', async () => {
    // As long as the issue input allows: 80 characters per name, 300 for the address.
    const longest = {
      givenName: 'Wolfgang-Maximilian Wenceslas Bartholomew Montgomery Alexandre Xavier Wilhelmuss',
      familyName: 'Wojciechowska-Montmorency-Laval de la Rochefoucauld Hohenzollern-Wettin Wmmmmmmm',
      mailingAddress: `WWWW-${'Boulevard Saint-Jean-Baptiste-de-la-Salle '.repeat(8)}Montréal QC H2X 1Y4`.slice(0, 300),
    };
    expect([longest.givenName.length, longest.familyName.length, longest.mailingAddress.length]).toEqual([80, 80, 300]);
    const pdf = await render(longest);
    expect(pdfPageCount(pdf)).toBe(1);
    const runs = pdfTextRuns(pdf);
    const qrTop = runs.find((run) => run.text === 'Verify this document')!.y + 12;
    const lowestFlowing = Math.min(
      ...runs
        .slice(
          0,
          runs.findIndex((run) => run.text === verifyUrl),
        )
        .filter((run) => run.size < 100)
        .map((run) => run.y),
    );
    expect(lowestFlowing).toBeGreaterThan(qrTop);
    const name = runs
      .filter((run) => run.x > 200)
      .map((run) => run.text)
      .join(' ');
    expect(name).toContain('Wojciechowska-Montmorency-Laval de la Rochefoucauld Hohenzollern-Wettin Wm');
  });

  it('renders in well under a second', async () => {
    await render();
    const started = performance.now();
    await render();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
