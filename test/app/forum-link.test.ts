/** `/link forum <topic>` and `/link slack <channel>`: where a feature's squad talks, on its card. */
import { describe, expect, it } from "vitest";
import { startApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const FORUM = "https://forum.communityhealthtoolkit.org";
const CONFIG = `preset: squad-journey\nforum:\n  url: ${FORUM}\n`;
const FEATURE = {
  title: "Offline maps",
  body: "### Is your feature request related to a problem?\nYes.",
};

async function featureWith(config: string) {
  const app = await startApp({ config });
  const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
  await app.deliver(opened);
  return { app, ref: opened.ref };
}

describe("/link forum", () => {
  it("links a topic of the configured forum and shows it on the card", async () => {
    const { app, ref } = await featureWith(CONFIG);
    const topic = `${FORUM}/t/offline-maps/4211`;
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/join"));
    await app.deliver(app.github.as(app.people.writer).comment(ref, `/link forum ${topic}`));
    expect(cardState(app.github, ref).links).toEqual({ forum: topic });
    expect(cards(app.github, ref)[0]?.body).toContain(`[Forum topic](${topic})`);
  });

  it("refuses a link to another site, once, saying which forum it must be", async () => {
    const { app, ref } = await featureWith(CONFIG);
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/join"));
    await app.deliver(
      app.github.as(app.people.writer).comment(ref, "/link forum https://example.org/t/x/1"),
    );
    expect(cardState(app.github, ref).links).toEqual({});
    const replies = botMessages(app.github, ref).filter((m) => m.includes("forum link"));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(FORUM);
  });

  it("takes any web address when no forum is configured", async () => {
    const { app, ref } = await featureWith("preset: squad-journey\n");
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/join"));
    await app.deliver(
      app.github.as(app.people.writer).comment(ref, "/link forum https://example.org/t/x/1"),
    );
    expect(cardState(app.github, ref).links).toEqual({ forum: "https://example.org/t/x/1" });
  });
});

describe("/link slack", () => {
  it("names the squad's channel on the card", async () => {
    const { app, ref } = await featureWith("preset: squad-journey\n");
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/join"));
    await app.deliver(app.github.as(app.people.writer).comment(ref, "/link slack #squad-maps"));
    expect(cardState(app.github, ref).links).toEqual({ slack: "#squad-maps" });
    expect(cards(app.github, ref)[0]?.body).toContain("Slack: `#squad-maps`");
  });
});
