/**
 * A warehouse's stock export as its team writes it: a byte-order mark, semicolons and CRLF,
 * prices with decimal commas and dots between thousands, notes quoted over several lines with
 * semicolons inside, cells a spreadsheet would run, blanks, and columns whose type only settles
 * late in the file (a count that turns fractional, a date that gains a time, a code that turns text).
 */
export function stockExport(rows: number): string {
  const lines = ['Artikel-Nr;Bezeichnung;Preis (EUR);Bestand;Letzte Inventur;Lagerort;Notiz'];
  for (let i = 0; i < rows; i++) {
    const price =
      i % 13 === 0
        ? ''
        : i % 7 === 0
          ? `${1 + (i % 9)}.${String(100 + (i % 900)).padStart(3, '0')},${String(i % 100).padStart(2, '0')}`
          : `${i % 500},${i % 10}5`;
    const stock = i === rows - 3 ? '12.5' : String((i * 37) % 2000);
    const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const counted = i % 11 === 0 ? '' : i > rows * 0.8 && i % 5 === 0 ? `${day}T08:30:00+01:00` : day;
    const place = i === Math.floor(rows * 0.9) ? 'n/a' : String(100 + (i % 40));
    const note =
      i % 17 === 0
        ? '"Palette beschädigt;\r\nbitte ""sofort"" prüfen"'
        : i % 29 === 0
          ? '=HYPERLINK("http://x")'
          : i % 31 === 0
            ? '@Inventur'
            : i % 3 === 0
              ? ''
              : `ok ${i % 23}`;
    lines.push(`A-${100_000 + i};${['Schraube M4', 'Dübel 6mm', 'Winkel, verzinkt', 'Kabel 3×1,5'][i % 4]};${price};${stock};${counted};${place};${note}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
