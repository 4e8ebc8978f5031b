import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/segment/detect-language.js';
import { countFunctionWords } from '../../src/segment/function-words.js';

const detect = (text: string) => detectLanguage(text, { languages: ['id', 'en'], minLength: 40, margin: 0.02 });

describe('detectLanguage', () => {
  it('reads Indonesian legal prose by its function words alone (many, none of English, dense)', () => {
    const text = 'Setiap orang yang masuk atau keluar Wilayah Indonesia wajib melalui pemeriksaan yang dilakukan oleh Pejabat Imigrasi di Tempat Pemeriksaan Imigrasi, dan hal tersebut berlaku bagi warga negara asing.';
    expect(countFunctionWords(text)).toEqual({ id: 9, en: 0, words: 28 });
    expect(detect(text)).toBe('id');
  });

  it('reads English legal prose by its function words alone', () => {
    const text = 'No Contracting State shall expel or return a refugee in any manner whatsoever to the frontiers of territories where his life or freedom would be threatened on account of his race.';
    expect(detect(text)).toBe('en');
  });

  it('asks franc when the function words are mixed, and keeps its verdict when they side with it', () => {
    const text = 'Menurut Pasal 33 Konvensi 1951, no Contracting State shall expel or return a refugee to the frontiers of territories, yang berarti negara tidak boleh mengusir pengungsi.';
    expect(countFunctionWords(text)).toEqual({ id: 2, en: 5, words: 24 });
    expect(detect(text)).toBe('en');
  });

  it('asks franc for a statute title with a single function word', () => {
    expect(detect('Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 52)')).toBe('id');
  });

  it('leaves a list of names without function words of either language undecided, however franc leans', () => {
    expect(detect('Argentina, Brazil, Chile, Colombia, Ecuador, Peru, Uruguay, Venezuela, Bolivia, Paraguay, Guyana, Suriname')).toBeNull();
  });

  it('does not judge text shorter than the minimum length', () => {
    expect(detect('Pasal 28D ayat (1) UUD 1945')).toBeNull();
  });
});
