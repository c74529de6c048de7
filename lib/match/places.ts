/**
 * US state codes in place names: "Hartford, CT 06106", "NEW HAVEN, CT (AP) —". A two-letter abbreviation
 * (CT, MD, MS) after a capitalised place and a comma, and before the end of the address (a ZIP code, a
 * bracket, a dash, the end of the text or sentence), names a state, not computed tomography. "Ultrasound, CT
 * and MRI" keeps its CT: a word follows it.
 */
const STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' '),
);

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLetter = (c: number) => isUpper(c) || (c >= 0x61 && c <= 0x7a);

/** Whether text[start, end) is a state code closing a place name (see above). */
export function isStateInPlace(text: string, start: number, end: number): boolean {
  if (end - start !== 2 || !STATES.has(text.slice(start, end))) return false;
  // Before: ", " after a place: a capitalised word ("Hartford"), or a longer one in capitals ("HAVEN", as
  // datelines write it; "MRI, CT" is a list of tests).
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  if (i < 1 || text.charCodeAt(i) !== 0x2c || i === start - 1) return false;
  let w = i - 1;
  if (!isLetter(text.charCodeAt(w))) return false;
  let lower = false;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) {
    if (!isUpper(text.charCodeAt(w))) lower = true;
    w--;
  }
  if (!isUpper(text.charCodeAt(w)) || (!lower && i - w < 4)) return false;
  // After: what ends an address (the end, a ZIP code, a bracket, a dash, a full stop or semicolon); not a comma
  // or a word ("Ultrasound, CT, and MRI").
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  if (c >= 0x30 && c <= 0x39) return j > end; // "CT 06106"
  return c === 0x0a || c === 0x28 || c === 0x29 || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2e || c === 0x3b;
}
