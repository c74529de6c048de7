import { describe, expect, test } from 'vitest';
import type { StudyDesign, Summary } from '../../../lib/dataset/types';
import { importDataset } from '../../../lib/db/import';
import { getConceptOverview } from '../../../lib/db/overview';
import { TRIALS_AND_REVIEWS } from '../../../lib/summaries/filter';
import { getStudyPmids, getSummariesForConcept } from '../../../lib/db/queries';
import { openDatabase, type Database } from '../../../lib/db/schema';
import { levelOf } from '../../../lib/evidence';
import { concept, consumer, memoryDataset, research } from '../../helpers/memory-dataset';

const CANCER = 'MESH:D001943';
const withDesign = (pmid: string, year: number, design: StudyDesign): Summary =>
  research(pmid, [CANCER], year, { design: { design, level: levelOf(design), source: 'mesh' } } as Partial<Summary>);

function yearless(pmid: string): Summary {
  const s = research(pmid, [CANCER], 2000) as Extract<Summary, { kind: 'research' }>;
  delete s.year;
  s.citation = { pmid, url: s.citation.url };
  return s;
}

const SUMMARIES = [
  withDesign('101', 2004, 'rct'),
  withDesign('102', 2012, 'prospective-cohort'),
  withDesign('103', 2015, 'prospective-cohort'),
  withDesign('104', 2009, 'retrospective-cohort'),
  withDesign('105', 2018, 'meta-analysis'),
  withDesign('106', 2010, 'unknown'),
  yearless('107'),
  consumer('0001', [CANCER], 'Breast Cancer'),
  withDesign('201', 2001, 'rct'), // another concept's
].map((s) => (s.id === 'pmid:201' ? { ...s, conceptIds: ['MESH:D000001'] } : s));

async function installed(): Promise<Database> {
  const db = await openDatabase();
  await importDataset(db, memoryDataset('v1', [concept(CANCER, 'Breast cancer'), concept('MESH:D000001', 'Other')], SUMMARIES));
  return db;
}
const ids = (page: { items: Summary[] }) => page.items.map((s) => s.id);

describe('concept overview', () => {
  test('counts research summaries by design, the year range and the consumer summaries', async () => {
    const db = await installed();
    expect(await getConceptOverview(db, CANCER)).toEqual({
      research: 7,
      consumer: 1,
      byDesign: { rct: 1, 'prospective-cohort': 2, 'retrospective-cohort': 1, 'meta-analysis': 1, unknown: 2 },
      years: { from: 2004, to: 2018 },
    });
  });

  test('an unknown concept has an empty overview', async () => {
    const db = await installed();
    expect(await getConceptOverview(db, 'MESH:D999999')).toEqual({ research: 0, consumer: 0, byDesign: {} });
  });

  test('an index built before refs carried the design is completed from the summaries', async () => {
    const db = await installed();
    // Strip the design from every stored link ref, as an older import wrote them.
    const tx = db.transaction('buckets', 'readwrite');
    for (const bucket of await tx.store.getAll()) {
      if (!bucket.at.includes('|l|')) continue;
      bucket.items = bucket.items.map((item) => {
        const [id, refs] = JSON.parse(item);
        return JSON.stringify([id, refs.map((r: unknown[]) => r.slice(0, 4))]);
      });
      await tx.store.put(bucket, bucket.at);
    }
    await tx.done;
    const overview = await getConceptOverview(db, CANCER);
    expect(overview.byDesign).toEqual({ rct: 1, 'prospective-cohort': 2, 'retrospective-cohort': 1, 'meta-analysis': 1, unknown: 2 });
    const page = await getSummariesForConcept(db, CANCER, { filter: { designs: ['prospective-cohort'] } });
    expect(ids(page)).toEqual(['pmid:103', 'pmid:102']);
  });
});

describe('filtered summaries for a concept', () => {
  test('by design: only those designs, in reading order, total counts the matches', async () => {
    const db = await installed();
    const page = await getSummariesForConcept(db, CANCER, { filter: { designs: ['prospective-cohort', 'retrospective-cohort'] } });
    expect(page.total).toBe(3);
    expect(ids(page)).toEqual(['pmid:103', 'pmid:102', 'pmid:104']);
  });

  test('trials and reviews only', async () => {
    const db = await installed();
    const page = await getSummariesForConcept(db, CANCER, { filter: { designs: [...TRIALS_AND_REVIEWS] } });
    expect(ids(page)).toEqual(['pmid:105', 'pmid:101']);
  });

  test('by year range, inclusive; summaries without a year are left out', async () => {
    const db = await installed();
    expect(ids(await getSummariesForConcept(db, CANCER, { filter: { fromYear: 2010 } }))).toEqual(['pmid:105', 'pmid:103', 'pmid:102', 'pmid:106']);
    expect(ids(await getSummariesForConcept(db, CANCER, { filter: { fromYear: 2009, toYear: 2012 } }))).toEqual(['pmid:102', 'pmid:104', 'pmid:106']);
  });

  test('design and years together, paged', async () => {
    const db = await installed();
    const filter = { designs: ['prospective-cohort', 'retrospective-cohort', 'rct'] as StudyDesign[], fromYear: 2005 };
    const first = await getSummariesForConcept(db, CANCER, { filter, limit: 2 });
    const second = await getSummariesForConcept(db, CANCER, { filter, limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...ids(first), ...ids(second)]).toEqual(['pmid:103', 'pmid:102', 'pmid:104']);
  });

  test('no filter, or an empty one, leaves the list as it was (consumer summaries included)', async () => {
    const db = await installed();
    const plain = await getSummariesForConcept(db, CANCER);
    expect(plain.total).toBe(8);
    expect(await getSummariesForConcept(db, CANCER, { filter: {} })).toEqual(plain);
  });
});

describe('studies in animals', () => {
  test('come after every study in people in reading order, whatever their design, and are counted apart', async () => {
    const animalTrial = research('301', [CANCER], 2018, { design: { design: 'rct', source: 'mesh', subjects: 'animals' } } as Partial<Summary>);
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', [concept(CANCER, 'Breast cancer')], [animalTrial, withDesign('302', 2005, 'case-series')]));
    expect(ids(await getSummariesForConcept(db, CANCER))).toEqual(['pmid:302', 'pmid:301']);
    // The overview counts its design, and says it was done in animals.
    expect(await getConceptOverview(db, CANCER)).toMatchObject({ research: 2, byDesign: { rct: 1, 'case-series': 1 }, inAnimals: 1 });
  });
});

describe('the order', () => {
  test('newest first, asked for: by year, then by strength of evidence; alone it narrows nothing', async () => {
    const db = await installed();
    const newest = await getSummariesForConcept(db, CANCER, { filter: { order: 'newest' }, limit: 100 });
    // The clinician's kind first, newest first (the yearless last), then the plain-language page.
    expect(newest.total).toBe(8);
    expect(ids(newest)).toEqual(['pmid:105', 'pmid:103', 'pmid:102', 'pmid:106', 'pmid:104', 'pmid:101', 'pmid:107', 'medquad:0001']);
    // By default the strongest first: the meta-analysis, the trial, then the cohorts.
    expect(ids(await getSummariesForConcept(db, CANCER, { limit: 3 }))).toEqual(['pmid:105', 'pmid:101', 'pmid:103']);
    expect(ids(await getSummariesForConcept(db, CANCER, { filter: { designs: ['prospective-cohort', 'rct'], order: 'newest' } }))).toEqual(['pmid:103', 'pmid:102', 'pmid:101']);
    expect(await getStudyPmids(db, CANCER, { order: 'newest', toYear: 2012 })).toEqual(['102', '106', '104', '101']);
  });

  test('newest first takes the related studies in by date; by default they follow the studies about the term', async () => {
    const related = research('501', [CANCER, 'MESH:D000001'], 2020, { about: ['MESH:D000001'] } as Partial<Summary>);
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', [concept(CANCER, 'Breast cancer'), concept('MESH:D000001', 'Other')], [...SUMMARIES.slice(0, 3), related]));
    expect(ids(await getSummariesForConcept(db, CANCER))).toEqual(['pmid:101', 'pmid:103', 'pmid:102', 'pmid:501']);
    expect(ids(await getSummariesForConcept(db, CANCER, { filter: { order: 'newest' } }))).toEqual(['pmid:501', 'pmid:103', 'pmid:102', 'pmid:101']);
  });
});

describe("a concept's studies as PubMed ids", () => {
  test('every study of the concept in reading order, or those a filter passes; no plain-language page, no other concept\'s study', async () => {
    const db = await installed();
    const reading = ids(await getSummariesForConcept(db, CANCER, { limit: 100 })).filter((id) => id.startsWith('pmid:'));
    expect(await getStudyPmids(db, CANCER)).toEqual(reading.map((id) => id.slice('pmid:'.length)));
    expect((await getStudyPmids(db, CANCER)).sort()).toEqual(['101', '102', '103', '104', '105', '106', '107']);
    expect(await getStudyPmids(db, CANCER, { designs: ['prospective-cohort'] })).toEqual(['103', '102']);
    expect(await getStudyPmids(db, 'MESH:D999999')).toEqual([]);
  });

  test('a study the concept only mentions is not among them', async () => {
    const mentioning = { ...research('401', ['MESH:D000001'], 2011), mentions: [CANCER] } as Summary;
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', [concept(CANCER, 'Breast cancer'), concept('MESH:D000001', 'Other')], [mentioning, withDesign('402', 2005, 'rct')]));
    // Listed with the concept's summaries, as mentioning it; not one of its studies.
    expect(ids(await getSummariesForConcept(db, CANCER)).sort()).toEqual(['pmid:401', 'pmid:402']);
    expect(await getStudyPmids(db, CANCER)).toEqual(['402']);
  });
});
