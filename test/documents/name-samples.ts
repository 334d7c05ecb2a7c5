// Travellers named in every script the documents print, shared by the render tests,
// the release tests over HTTP, the PDF benchmark and the README image.
import type { Language } from '../../functions/documents/snapshot.js';

export interface NameSample {
  key: string;
  language: Language;
  nameNative: string;
  nameLatin: string;
  nationality: string;
  /** What the sample exercises, for the test title. */
  shows: string;
}

export const NAME_SAMPLES: NameSample[] = [
  { key: 'pl', language: 'en', nameNative: 'Łukasz Wróbel', nameLatin: 'WROBEL Lukasz', nationality: 'PL', shows: 'Polish Ł' },
  { key: 'tr', language: 'en', nameNative: 'İsmail Şahin Güneş', nameLatin: 'GUNES Ismail Sahin', nationality: 'TR', shows: 'Turkish İ Ş ğ' },
  { key: 'cs', language: 'en', nameNative: 'Řehoř Dvořák', nameLatin: 'DVORAK Rehor', nationality: 'CZ', shows: 'Czech Ř' },
  { key: 'hu', language: 'en', nameNative: 'Lőrinc Kővári', nameLatin: 'KOVARI Lorinc', nationality: 'HU', shows: 'Hungarian ő' },
  { key: 'vi', language: 'en', nameNative: 'Nguyễn Thị Ánh', nameLatin: 'NGUYEN Thi Anh', nationality: 'VN', shows: 'Vietnamese stacked diacritics' },
  { key: 'el', language: 'en', nameNative: 'Γιώργος Παπαδόπουλος', nameLatin: 'PAPADOPOULOS Georgios', nationality: 'GR', shows: 'Greek' },
  { key: 'ru', language: 'en', nameNative: 'Дмитрий Соколов', nameLatin: 'SOKOLOV Dmitrii', nationality: 'RU', shows: 'Cyrillic' },
  { key: 'ar', language: 'en', nameNative: 'محمد عبد الله', nameLatin: 'ABDULLAH Mohammed', nationality: 'SA', shows: 'Arabic, joined right to left' },
  { key: 'he', language: 'en', nameNative: 'שרה לוי', nameLatin: 'LEVI Sarah', nationality: 'IL', shows: 'Hebrew, right to left' },
  { key: 'th', language: 'en', nameNative: 'ศักดิ์ชัย สุขเจริญ', nameLatin: 'SUKCHAROEN Sakchai', nationality: 'TH', shows: 'Thai stacked marks' },
  { key: 'hi', language: 'en', nameNative: 'अर्जुन श्रीवास्तव', nameLatin: 'SRIVASTAVA Arjun', nationality: 'IN', shows: 'Devanagari conjuncts' },
  { key: 'bn', language: 'en', nameNative: 'সৌমিত্র চট্টোপাধ্যায়', nameLatin: 'CHATTOPADHYAY Soumitra', nationality: 'BD', shows: 'Bengali' },
  { key: 'ta', language: 'en', nameNative: 'கார்த்திக் சுப்பிரமணியன்', nameLatin: 'SUBRAMANIAN Karthik', nationality: 'LK', shows: 'Tamil' },
  { key: 'ko', language: 'ko', nameNative: '이서연', nameLatin: 'LEE Seoyeon', nationality: 'KR', shows: 'Hangul' },
  { key: 'ja', language: 'zh', nameNative: '𠮷田 さくら', nameLatin: 'YOSHIDA Sakura', nationality: 'JP', shows: 'kana and 𠮷 U+20BB7' },
  { key: 'hk', language: 'zh', nameNative: '陳𨋢明', nameLatin: 'CHAN Lik Ming', nationality: 'HK', shows: 'HKSCS 𨋢 U+282E2 outside the BMP' },
];
