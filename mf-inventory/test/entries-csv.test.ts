import { describe, expect, it } from 'vitest';
import { csvCell, entriesCsv, neutralise } from '../src/features/entries/entries-csv.js';

describe('entries as CSV', () => {
  it('when a text starts with =, +, -, @, a tab or a carriage return, then it gets a quote so no spreadsheet runs it', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise('chiller leak')).toBe('chiller leak');
    expect(csvCell(-2.5)).toBe('-2.5'); // numbers stay numbers
  });

  it('quotes cells with separators or quotes, and writes the fields, note, status and kg of each entry', () => {
    const csv = entriesCsv(['name', 'quantity'], [
      { data: { name: 'Gas, bottle "A"', quantity: 2 }, note: '=1+2', status: 'computed', totalKgCo2eq: 2600 },
      { data: { name: 'Nitrogen' }, note: null, status: 'not_computed', totalKgCo2eq: 0 },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['name,quantity,note,status,kg_co2eq', '"Gas, bottle ""A""",2,\'=1+2,computed,2600', 'Nitrogen,,,not_computed,0', '']);
  });
});
