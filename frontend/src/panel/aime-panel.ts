// The AIME sidebar panel: navigation between the views, deep links (/aime/album/12), the person
// whose plays every view shows (`?person=`, chosen in the header) and the now-playing strip. Home
// Assistant gives it `hass`, `narrow` and `route`.
import { mdiMenu } from "@mdi/js";
import { LitElement, css, html, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { sharedStyles } from "../components/styles";
import "../components/aime-now-playing";
import "../components/aime-person-picker";
import type { PersonChanged } from "../components/aime-person-picker";
import { fetchPeople, type Person } from "../data/people";
import { define } from "../define";
import { localize } from "../i18n";
import { PANEL_PATH, choosePerson, followLink, personOf, withPerson } from "../navigate";
import type { HomeAssistant, PanelRoute } from "../types";
import "../views/album/album";
import "../views/artist/artist";
import "../views/collection/collection";
import "../views/journal/journal";
import "../views/playlists/playlists";
import "../views/scrobbling/scrobbling";
import "../views/stats/stats";
import "../views/timeline/timeline";
import { NAV_VIEWS, parseRoute, type Route } from "./routes";

export class AimePanel extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @property({ attribute: false }) route?: PanelRoute;
  /** The person chosen in the URL (`?person=person.alice`); absent for everyone. */
  @state() private person = personOf(location.search);
  @state() private people: Person[] = [];
  private peopleAsked = false;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--primary-background-color);
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 0 12px;
        min-height: var(--header-height, 56px);
        background: var(--app-header-background-color, var(--primary-color));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
        border-bottom: var(--app-header-border-bottom, none);
        flex-wrap: wrap;
      }
      header h1 {
        margin: 0 8px 0 0;
        font-size: 20px;
        font-weight: 400;
      }
      .menu {
        color: inherit;
        display: none;
      }
      :host([narrow]) .menu {
        display: inline-flex;
      }
      nav {
        display: flex;
        gap: 2px;
        overflow-x: auto;
        scrollbar-width: none;
        flex: 1 1 auto;
        min-width: 0;
      }
      /* On a phone the views' tabs take a row of their own: the picker stays beside the title,
         at the right, so that its list opens on screen. */
      :host([narrow]) nav {
        order: 2;
        flex-basis: 100%;
      }
      :host([narrow]) aime-person-picker {
        order: 1;
        margin-inline-start: auto;
      }
      nav a {
        color: inherit;
        opacity: 0.8;
        padding: 16px 12px 13px;
        border-bottom: 3px solid transparent;
        white-space: nowrap;
        text-decoration: none;
      }
      nav a[aria-current="page"] {
        opacity: 1;
        border-bottom-color: currentColor;
      }
      main {
        flex: 1;
        padding: 16px;
        max-width: 1400px;
        width: 100%;
        box-sizing: border-box;
        margin: 0 auto;
      }
      :host([narrow]) main {
        padding: 8px;
      }
      aime-now-playing {
        position: sticky;
        bottom: 0;
        z-index: 1;
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("location-changed", this.onLocation);
    window.addEventListener("popstate", this.onLocation);
    this.onLocation();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("location-changed", this.onLocation);
    window.removeEventListener("popstate", this.onLocation);
  }

  protected willUpdate(): void {
    if (this.hass && !this.peopleAsked) {
      this.peopleAsked = true;
      // Without people (none assigned, an older hub, an error) the picker stays hidden.
      fetchPeople(this.hass).then(
        (people) => (this.people = people),
        () => undefined,
      );
    }
  }

  private onLocation = (): void => {
    if (location.pathname.startsWith(PANEL_PATH)) this.person = personOf(location.search);
  };

  private onPersonChanged(event: PersonChanged): void {
    choosePerson(event.detail.person);
  }

  private get current(): Route {
    return parseRoute(this.route?.path ?? "");
  }

  render() {
    const route = this.current;
    const selected = route.view === "album" || route.view === "artist" ? undefined : route.view;
    return html`
      <header>
        <button
          class="icon menu"
          aria-label=${localize(this.hass, "panel.menu")}
          @click=${() => this.dispatchEvent(new CustomEvent("hass-toggle-menu", { bubbles: true, composed: true }))}
        >
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path fill="currentColor" d=${mdiMenu} />
          </svg>
        </button>
        <h1>${localize(this.hass, "panel.title")}</h1>
        <nav aria-label=${localize(this.hass, "panel.nav.label")}>
          ${NAV_VIEWS.map(
            (view) => html`<a
              href=${withPerson(`${PANEL_PATH}/${view}`, this.person)}
              data-testid="nav-${view}"
              aria-current=${view === selected ? "page" : "false"}
              @click=${followLink}
              >${localize(this.hass, `panel.nav.${view}`)}</a
            >`,
          )}
        </nav>
        ${this.people.length || this.person
          ? html`<aime-person-picker
              .hass=${this.hass}
              .narrow=${this.narrow}
              .people=${this.people}
              .person=${this.person}
              @person-changed=${this.onPersonChanged}
            ></aime-person-picker>`
          : ""}
      </header>
      <main>${this.renderView(route)}</main>
      <aime-now-playing .hass=${this.hass} .narrow=${this.narrow}></aime-now-playing>
    `;
  }

  private renderView(route: Route): TemplateResult {
    const { hass, narrow, person } = this;
    const params = route.params;
    switch (route.view) {
      case "journal":
        return html`<aime-journal .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-journal>`;
      case "timeline":
        return html`<aime-timeline .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-timeline>`;
      case "stats":
        return html`<aime-stats .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-stats>`;
      case "collection":
        return html`<aime-collection .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-collection>`;
      case "album":
        return html`<aime-album .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-album>`;
      case "artist":
        return html`<aime-artist .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-artist>`;
      case "playlists":
        return html`<aime-playlists .hass=${hass} .narrow=${narrow} .params=${params} .person=${person}></aime-playlists>`;
      case "scrobbling":
        return html`<aime-scrobbling .hass=${hass} .narrow=${narrow} .params=${params}></aime-scrobbling>`;
      default:
        return html`<div class="state" data-testid="not-found">${localize(this.hass, "panel.not_found")}</div>`;
    }
  }
}

define("aime-panel", AimePanel);
