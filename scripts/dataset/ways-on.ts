/**
 * Where a reader can go on to from a concept the evidence does not reach: the nearest broader and narrower concepts
 * that have summaries (the card and the concept view list them).
 */
import type { Concept } from '../../lib/dataset/types.ts';
import { byCodeUnit } from '../../lib/dataset/format.ts';
import { canonicalForm } from '../../lib/match/index.ts';

export function markWaysOn(concepts: Concept[]): void {
  markBroader(concepts);
  markBroaderByHead(concepts);
}

/** MeSH's branches of chemicals by structure: inorganic, organic, heterocyclic and polycyclic compounds, carbohydrates. */
const CHEMICAL_STRUCTURE = /^D0[1-49]\./;

/**
 * Each concept with no summary gets the nearest concepts above it in MeSH's tree that have some, one per tree
 * position, nearest first, at most two: the ways on from a term the evidence does not reach. Every concept gets
 * those just below it that have some.
 */
function markBroader(concepts: Concept[]): void {
  const atTree = new Map<string, Concept>();
  for (const c of concepts) for (const t of c.treeNumbers) atTree.set(t, c);
  for (const c of concepts) {
    if (c.summaryCount > 0) continue;
    const found: { id: string; depth: number }[] = [];
    for (const t of c.treeNumbers) {
      // A drug's place among chemical structures is no way on for a reader: amoxicillin's nearest heading with
      // evidence there is "Amides", codeine's "Phenanthrenes". Its classes by use (hormones, antibodies) stay.
      if (c.category === 'drug' && CHEMICAL_STRUCTURE.test(t)) continue;
      for (let p = t, up = 1; p.includes('.'); up++) {
        p = p.slice(0, p.lastIndexOf('.'));
        const above = atTree.get(p);
        if (above && above.summaryCount > 0 && above.id !== c.id) {
          if (!found.some((f) => f.id === above.id)) found.push({ id: above.id, depth: up });
          break;
        }
      }
    }
    if (found.length > 0) c.broader = found.sort((a, b) => a.depth - b.depth || byCodeUnit(a.id, b.id)).slice(0, 2).map((f) => f.id);
  }
  // And, for every concept, those just under it that have some: the evidence is often filed under the narrower
  // heading (hormonal oral contraceptives, not oral contraceptives; dialysis studies under chronic kidney failure,
  // not chronic kidney disease).
  const withEvidenceUnder = new Map<string, Concept[]>();
  for (const [tree, child] of atTree) {
    if (child.summaryCount === 0 || !tree.includes('.')) continue;
    const parent = tree.slice(0, tree.lastIndexOf('.'));
    withEvidenceUnder.set(parent, [...(withEvidenceUnder.get(parent) ?? []), child]);
  }
  for (const c of concepts) {
    const below = new Map<string, Concept>();
    for (const t of c.treeNumbers) for (const child of withEvidenceUnder.get(t) ?? []) if (child.id !== c.id) below.set(child.id, child);
    if (below.size > 0) {
      c.narrower = [...below.values()].sort((a, b) => b.summaryCount - a.summaryCount || byCodeUnit(a.id, b.id)).slice(0, 3).map((n) => n.id);
    }
  }
}

/**
 * A concept with no summary that MeSH's tree leads nowhere from (most of the Disease Ontology's, which have no place
 * in it: "Hepatosplenic T-cell lymphoma", "Sporadic breast cancer", "End stage renal disease") leads to the concept
 * its name's head words name:
 * the longest ending of its name, a word at a time, that is a concept of the same category with summaries
 * ("lymphoma", "breast cancer", "renal disease"). Only a name of modifiers and a head: in "Tenosynovitis of foot
 * and ankle" the ending "ankle" is no kind of the whole.
 */
function markBroaderByHead(concepts: Concept[]): void {
  // A concept's own name first, then its other names: "myopathy" is Myopathy's name before it is anyone's synonym.
  const byForm = new Map<string, Concept>();
  const add = (form: string, c: Concept) => {
    const key = canonicalForm(form);
    if (!byForm.has(key)) byForm.set(key, c);
  };
  const withEvidence = concepts.filter((c) => c.summaryCount > 0);
  for (const c of withEvidence) add(c.name, c);
  for (const c of withEvidence) for (const form of c.synonyms) add(form, c);
  for (const c of concepts) {
    if (c.summaryCount > 0 || c.broader || NOT_A_HEAD_PHRASE.test(c.name)) continue;
    const words = c.name.split(' ');
    for (let k = 1; k < words.length; k++) {
      const head = byForm.get(canonicalForm(words.slice(k).join(' ')));
      if (head && head.id !== c.id && head.category === c.category) {
        c.broader = [head.id];
        break;
      }
    }
  }
}

/** Words and marks after which a name's last words are no longer its head. */
const NOT_A_HEAD_PHRASE = / (?:of|with|and|or|in|to|due|from|for|by|on|at|without)\b|[,(]/i;
