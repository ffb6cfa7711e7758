import { describe, expect, it } from 'vitest';
import { domainOf, outletByUrl, outletNamedIn } from './outlets';

describe('outlets', () => {
  it('reads the domain of an http(s) or www. address, without www. and in lower case', () => {
    expect(domainOf('https://WWW.RBC.ru/politics/1')).toBe('rbc.ru');
    expect(domainOf('http://user@sputniknews.com:8080/a?b#c')).toBe('sputniknews.com');
    expect(domainOf('www.tass.ru/x')).toBe('tass.ru');
    expect(domainOf('mailto:feedback@sputniknews.com')).toBeUndefined();
    expect(domainOf('001_cd43f6f3889422fc.txt')).toBeUndefined();
    expect(domainOf(undefined)).toBeUndefined();
  });

  it('knows an outlet by its domain or a subdomain, not by a longer name that ends alike', () => {
    expect(outletByUrl('https://www.rbc.ru/a')?.name).toBe('РБК');
    expect(outletByUrl('https://quote.rbc.ru/a')?.name).toBe('РБК');
    expect(outletByUrl('https://sportrbc.ru/a')).toBeUndefined();
  });

  it('finds an outlet spelt as a whole word, as printed', () => {
    expect(outletNamedIn('новостройке РБК и ПИК')?.printed).toBe('РБК');
    expect(outletNamedIn('RBC Investments')?.outlet.name).toBe('РБК');
    expect(outletNamedIn('СРБК')).toBeUndefined();
    expect(outletNamedIn('Sputnik International')?.printed).toBe('Sputnik International');
  });
});
