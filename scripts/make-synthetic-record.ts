/**
 * Writes test/fixtures/detect/synthetic-record-200k.html: an EHR-like record page (patient
 * banner, encounter notes with section headings, problem lists with codes, lab tables) whose
 * visible text is at least 200,000 characters, for `npm run bench:detect` and the page-detection
 * end-to-end tests. Sentences are this project's own templates, combined by a seeded generator,
 * so the file is the same on every run (no evaluation data, no real patient).
 *   npx tsx scripts/make-synthetic-record.ts [--out <file>] [--chars <n>]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const DEFAULT_OUT = resolve(import.meta.dirname, '../test/fixtures/detect/synthetic-record-200k.html');
const TARGET_CHARS = 200_000;

const CONDITIONS = [
  'essential hypertension', 'type 2 diabetes mellitus', 'chronic kidney disease stage 3', 'atrial fibrillation', 'heart failure',
  'chronic obstructive pulmonary disease', 'asthma', 'pneumonia', 'urinary tract infection', 'hyperlipidemia', 'hypothyroidism',
  'major depressive disorder', 'generalized anxiety disorder', 'osteoarthritis of the right knee', 'gastroesophageal reflux disease',
  'iron deficiency anemia', 'obstructive sleep apnea', 'morbid obesity', 'peripheral neuropathy', 'deep vein thrombosis',
];
const ABBREVIATIONS = ['HTN', 'DM2', 'CKD 3b', 'AFib', 'CHF', 'COPD', 'CAD', 'GERD', 'OSA', 'HLD', 'UTI', 'DVT', 'TIA', 'BPH'];
const SYMPTOMS = ['chest pain', 'shortness of breath', 'cough', 'fever', 'headache', 'nausea', 'vomiting', 'dizziness', 'fatigue', 'abdominal pain', 'back pain', 'palpitations', 'edema of both legs', 'weight loss', 'syncope'];
const PROCEDURES = ['laparoscopic cholecystectomy', 'appendectomy', 'colonoscopy', 'total knee replacement', 'coronary artery bypass graft', 'cardiac catheterization', 'upper endoscopy'];
const RELATIVES = ['mother', 'father', 'sister', 'brother', 'maternal grandmother'];
const CODES = ['E11.9', 'I10', 'N18.31', 'I48.91', 'I50.9', 'J44.9', 'E78.5', 'K21.9', 'Z79.01', 'E11.99', 'S13.4XXA', '0DTJ4ZZ'];
const CLINICIANS = ['A. Rivera, MD', 'J. Chen, NP', 'M. Okafor, MD', 'S. Lindqvist, PA-C', 'R. Patel, DO'];
const SECTIONS = ['Chief Complaint', 'History of Present Illness', 'Past Medical History', 'Family History', 'Social History', 'Review of Systems', 'Physical Exam', 'Assessment and Plan'];

/** Mulberry32: a small seeded generator, so the page is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function makeRecord(targetChars: number): string {
  const random = seeded(20261201);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const section = (name: string): string => {
    switch (name) {
      case 'Chief Complaint':
        return `${pick(SYMPTOMS)} for ${1 + Math.floor(random() * 9)} days.`;
      case 'History of Present Illness':
        return [
          `Patient is a ${40 + Math.floor(random() * 45)}-year-old with ${pick(ABBREVIATIONS)} and ${pick(CONDITIONS)} who presents with ${pick(SYMPTOMS)}.`,
          `Denies ${pick(SYMPTOMS)}, ${pick(SYMPTOMS)} or ${pick(SYMPTOMS)}.`,
          `No evidence of ${pick(CONDITIONS)} on prior imaging.`,
          `Rule out ${pick(CONDITIONS)}; possible ${pick(SYMPTOMS)} related to medication.`,
          `Reports ${pick(SYMPTOMS)} but no ${pick(SYMPTOMS)}.`,
        ].join(' ');
      case 'Past Medical History':
        return `${pick(CONDITIONS)}; ${pick(ABBREVIATIONS)}; ${pick(CONDITIONS)}. s/p ${pick(PROCEDURES)} in ${1995 + Math.floor(random() * 28)}.`;
      case 'Family History':
        return `${pick(RELATIVES)} with ${pick(CONDITIONS)}; ${pick(RELATIVES)} had ${pick(CONDITIONS)}.`;
      case 'Social History':
        return `Former smoker, quit ${2 + Math.floor(random() * 20)} years ago. Drinks alcohol socially. Lives with spouse.`;
      case 'Review of Systems':
        return `Negative for ${pick(SYMPTOMS)}, ${pick(SYMPTOMS)}, ${pick(SYMPTOMS)}. Positive for ${pick(SYMPTOMS)}.`;
      case 'Physical Exam':
        return `BP ${110 + Math.floor(random() * 50)}/${60 + Math.floor(random() * 30)}, HR ${55 + Math.floor(random() * 50)}. Lungs clear. Heart regular rate and rhythm. Mild ${pick(SYMPTOMS)} on exam.`;
      default:
        return `1. ${pick(CONDITIONS)} (${pick(CODES)}): continue current treatment. 2. ${pick(ABBREVIATIONS)}, stable. 3. History of ${pick(CONDITIONS)}. Return if ${pick(SYMPTOMS)} develops.`;
    }
  };

  const parts: string[] = [];
  let textChars = 0;
  const add = (html: string, text: string) => {
    parts.push(html);
    textChars += text.length + 1;
  };
  add(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Chart — Synthetic Patient</title>\n<style>body{font:14px system-ui;margin:0}header,nav{background:#234;color:#fff;padding:8px}section{margin:12px;border:1px solid #ccc;padding:8px}h3{margin:4px 0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px}</style></head>\n<body>\n<header><strong>Synthetic Patient</strong> · MRN 000000 · DOB 01/01/1960 · Allergies: none known</header>\n<nav>Summary | Notes | Results | Orders | Problems</nav>\n<main>',
    'Synthetic Patient MRN 000000 DOB 01/01/1960 Allergies: none known Summary Notes Results Orders Problems',
  );
  for (let n = 1; textChars < targetChars; n++) {
    const date = `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const heading = `Progress note ${n} — ${date} — ${pick(CLINICIANS)}`;
    add(`<section class="note"><h2>${escapeHtml(heading)}</h2>`, heading);
    for (const name of SECTIONS) {
      const body = section(name);
      add(`<h3>${name}:</h3>\n<p>${escapeHtml(body)}</p>`, `${name}:\n${body}`);
    }
    const rows = Array.from({ length: 4 }, () => [pick(['Sodium', 'Potassium', 'Creatinine', 'Hemoglobin A1c', 'TSH', 'WBC']), (random() * 100).toFixed(1)]);
    add(`<table><tr><th>Test</th><th>Result</th></tr>${rows.map(([t, v]) => `<tr><td>${t}</td><td>${v}</td></tr>`).join('')}</table></section>\n`, rows.map(([t, v]) => `${t} ${v}`).join(' '));
  }
  parts.push('</main>\n<footer>Synthetic record for testing Coder Lens. Not a real patient.</footer>\n</body></html>\n');
  return parts.join('\n');
}

const { values } = parseArgs({ options: { out: { type: 'string' }, chars: { type: 'string' } } });
const out = values.out ?? DEFAULT_OUT;
const html = makeRecord(values.chars ? Number(values.chars) : TARGET_CHARS);
writeFileSync(out, html);
console.log(`${out}: ${html.length.toLocaleString('en-US')} characters of HTML`);
