// A page's bytes as text, in the charset it declares: the Content-Type header first, then a
// <meta charset> or <?xml encoding?> in the first bytes, else UTF-8 (the WHATWG default for
// documents that declare nothing, bar a byte-order mark). iconv-lite decodes, not Node's
// TextDecoder: on Node 20 TextDecoder('windows-1252') drops bytes 0x80-0x9f (curly quotes, the
// euro sign) instead of decoding them. A label iconv-lite does not know falls back to UTF-8.
import iconv from 'iconv-lite';

const DECLARED_IN_DOCUMENT = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w:.-]{1,40})/i;

const known = (label: string | null | undefined): string | null => {
  const name = label?.trim().toLowerCase();
  return name && iconv.encodingExists(name) ? name : null;
};

export const decodeBody = (bytes: Buffer, contentType: string): string => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return iconv.decode(bytes, 'utf-8');
  const fromHeader = /charset\s*=\s*["']?([\w:.-]+)/i.exec(contentType)?.[1];
  const inDocument = DECLARED_IN_DOCUMENT.exec(bytes.subarray(0, 1024).toString('latin1'));
  return iconv.decode(bytes, known(fromHeader) ?? known(inDocument?.[1] ?? inDocument?.[2]) ?? 'utf-8');
};
