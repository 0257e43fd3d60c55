/**
 * The learning curve of pre-annotation from review (issue 13, point 6): precision and recall
 * on held-out documents after 0, 5, 10 and 20 reviewed documents, by k-fold cross-validation
 * within each gold set (`main/learning-curve.ts`) — the ANERcorp development part, its frozen
 * test part (`fixtures/quotes-gold/anercorp.split.json`), and the unseen articles of other
 * outlets (`fixtures/quotes-gold/unseen.jsonl`). The floor is the first point, measured in the
 * same run: the rules alone. Targets: precision (all quotes by overlap, direct quotes by exact
 * match) never below the rules alone on any set, and quote precision after 20 reviewed
 * documents above it on at least one set.
 */
import { fileURLToPath } from "node:url";
import { readSplit, splitGold } from "../main/gold-split.ts";
import { curveVerdict, formatCurves, learningCurve, type MeasuredCurve } from "../main/learning-curve.ts";
import { readGold } from "../main/quality.ts";

const at = (name: string) => fileURLToPath(new URL(`../fixtures/quotes-gold/${name}`, import.meta.url));
const anercorp = await readGold(at("anercorp.jsonl"));
const parts = splitGold(anercorp, readSplit(at("anercorp.split.json")));
const unseen = await readGold(at("unseen.jsonl"));

const started = performance.now();
const curves: MeasuredCurve[] = [
  { name: "development", points: await learningCurve(parts.development) },
  { name: "test", points: await learningCurve(parts.test) },
  // 24 articles: six folds leave 20 to review beside each.
  { name: "unseen", points: await learningCurve(unseen, undefined, 6) },
];
console.log(formatCurves(curves));
let ok = true;
let rose = false;
for (const curve of curves) {
  const { neverLower, rise } = curveVerdict(curve);
  console.log(
    `${curve.name}: ${neverLower ? "never below the rules alone" : "BELOW the rules alone"}; quote precision ${rise >= 0 ? "+" : ""}${rise.toFixed(1)} points after ${String(curve.points.at(-1)?.reviewed ?? 0)} reviewed`,
  );
  ok &&= neverLower;
  rose ||= rise > 0;
}
console.log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!ok || !rose) {
  console.log("learning curve misses its target");
  process.exitCode = 1;
}
