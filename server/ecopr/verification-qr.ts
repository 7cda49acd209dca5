import QRCode from 'qrcode';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
export const QR_MARGIN_MODULES = 4;
/** Pixels per module: large enough that viewers and printers keep the edges sharp when scaling. */
export const QR_PIXELS_PER_MODULE = 8;

/**
 * A black-on-white PNG QR code for `url`, error correction level M (survives a crease or a
 * smudge on a printed page).
 */
export function verificationQrPng(url: string): Promise<Uint8Array> {
  return QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: QR_MARGIN_MODULES,
    scale: QR_PIXELS_PER_MODULE,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}
