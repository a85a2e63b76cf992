/**
 * The demo's second part: a CHT implementation on the `cht-implementation` preset, from Initiation
 * to Evaluation and into cycle 2, with people in roles; returns what it prints.
 */
import type { Templates } from "../src/core/templates.js";
import { startApp } from "../test/support/app.js";
import { cards } from "../test/support/cards.js";

const BODY = [
  "A CHT app for community health workers in Kisumu.",
  "",
  "## Considerations",
  "- [x] Scope",
  "- [x] Technical requirements",
  "- [x] Context",
  "- [x] Human resource requirements",
  "",
  "## Hosting option",
  "Self-hosted on the Ministry of Health's servers",
].join("\n");

export async function implementationDemo(templates: Templates): Promise<string[]> {
  const app = await startApp({ config: "preset: cht-implementation\n", templates });
  const pm = "pat-pm";
  const designer = "dee-designer";
  const developer = "dan-developer";
  for (const login of [pm, designer, developer]) app.github.addAccount(login);
  const lines: string[] = [];
  const opened = app.github
    .as(app.people.user)
    .openIssue(app.repo, { title: "Kisumu CHW app", body: BODY });
  const ref = opened.ref;
  const say = async (login: string, text: string) => {
    lines.push(`• ${login}: ${text.replaceAll("\n", " · ")}`);
    await app.deliver(app.github.as(login).comment(ref, text));
    await app.deliverEchoes();
  };
  lines.push(`• ${app.people.user} opens "Kisumu CHW app" with its considerations`);
  await app.deliver(opened);
  const { maintainer } = app.people;
  await say(maintainer, `/lead @${pm}`);
  await say(pm, "/role project-manager me\n/link scope https://docs.example.org/kisumu-scope");
  await say(designer, "/role designer me");
  await say(pm, `/role developer @${developer}`);
  for (const stage of ["planning", "design", "building", "hosting", "implementation"]) {
    app.clock.advance({ days: 14 });
    await say(pm, `/phase ${stage}`);
  }
  await say(pm, "/link training https://docs.example.org/kisumu-training");
  for (const stage of ["support", "evaluation"]) {
    app.clock.advance({ days: 30 });
    await say(pm, `/phase ${stage}`);
  }
  app.clock.advance({ days: 7 });
  await say(pm, "/cycle next the evaluation asks for a referral workflow");
  const [card] = cards(app.github, ref);
  lines.push("", "--- the card, in cycle 2 ---");
  lines.push(
    (card?.body ?? "").replace(/<!-- squad-bot:(\w+) .*? -->/g, "<!-- squad-bot:$1 … -->"),
  );
  return lines;
}
