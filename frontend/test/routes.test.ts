import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRoute } from "../src/panel/routes";

test("the panel's root opens the journal", () => {
  assert.deepEqual(parseRoute(""), { view: "journal", params: {} });
  assert.deepEqual(parseRoute("/"), { view: "journal", params: {} });
});

test("views and their ids come from the path", () => {
  assert.deepEqual(parseRoute("/stats"), { view: "stats", params: {} });
  assert.deepEqual(parseRoute("/album/12"), { view: "album", params: { id: "12" } });
  assert.deepEqual(parseRoute("/artist/7/"), { view: "artist", params: { id: "7" } });
  assert.deepEqual(parseRoute("/timeline/2024-03-31"), { view: "timeline", params: { day: "2024-03-31" } });
  assert.deepEqual(parseRoute("/playlists/3"), { view: "playlists", params: { id: "3" } });
});

test("unknown paths and malformed ids are not found", () => {
  for (const path of ["/nope", "/album", "/album/abc", "/album/1/2", "/stats/x", "/artist/-1"]) {
    assert.equal(parseRoute(path).view, "not_found", path);
  }
});
