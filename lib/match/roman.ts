/**
 * A subtype's number as digits, however the source wrote it: "IV" and "4" are the same designator ("Glycogen storage
 * disease IV", GARD's "... type 4"). The vocabulary and the dataset build's joins both read numbers this way.
 */
const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10', xi: '11', xii: '12' };

/** The digits of a lower-case Roman numeral up to twelve, else undefined. */
export function romanDigits(word: string): string | undefined {
  return Object.hasOwn(ROMAN, word) ? ROMAN[word] : undefined;
}
