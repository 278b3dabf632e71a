import{A as Y,B as Fe,C as O,D as L,E as b,F as _,G as lt,H as S,I as H,J as Ht,K as dt,L as K,M as bt,N as A,O as qe,P as Oe,Q as ze,R as je,S as Ct,a as ve,b as be,c as xe,d as $e,e as we,f as _e,g as Lt,h as ke,i as Te,j as Se,k as Ee,l as v,m as Le,n as Pe,o as He,p as D,q as N,r as tt,s as vt,t as Ce,u as Ae,v as Q,w as Yt,x as Ie,y as De,z as Me}from"./chunks/chunk-ORMERH2C.js";import{a as f,b as r,c as j,d as l,e as Re,f as E,g as y,h as m,j as g,k as Pt,l as h,m as u,n as I,o as R,p as P}from"./chunks/chunk-7XXHZCNE.js";import{b as d}from"./chunks/chunk-CQAH7SST.js";var et=class extends E{constructor(){super(...arguments);this.people=[];this.narrow=!1;this.open=!1;this.toggle=()=>{if(this.open)return this.close();this.open=!0,document.addEventListener("click",this.onOutsideClick,!0),this.updateComplete.then(()=>{this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.focus()})};this.onOutsideClick=t=>{t.composedPath().includes(this)||this.close()};this.onKey=t=>{let e=[...this.renderRoot.querySelectorAll('[role="option"]')],s=e.indexOf(this.renderRoot.querySelector(":focus"));if(t.key==="Escape")this.close(),this.renderRoot.querySelector(".current")?.focus();else if(t.key==="ArrowDown"||t.key==="ArrowUp"){t.preventDefault();let n=t.key==="ArrowDown"?1:-1;e[(s+n+e.length)%e.length]?.focus()}}}static{this.styles=f`
    :host {
      position: relative;
      display: inline-flex;
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      cursor: pointer;
    }
    .current {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      padding: 4px 4px 4px 6px;
      border-radius: 18px;
      min-height: 36px;
    }
    .current:hover,
    .current:focus-visible {
      background: rgba(127, 127, 127, 0.2);
    }
    :host([narrow]) .current .name {
      display: none;
    }
    .avatar {
      width: 28px;
      height: 28px;
      border-radius: 50%;
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      overflow: hidden;
      font-size: 12px;
      font-weight: 500;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.25));
      color: var(--primary-text-color);
    }
    .avatar img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    svg {
      width: 20px;
      height: 20px;
      fill: currentColor;
    }
    [role="listbox"] {
      position: absolute;
      right: 0;
      top: calc(100% + 4px);
      z-index: 5;
      min-width: 200px;
      max-height: 60vh;
      overflow-y: auto;
      margin: 0;
      padding: 4px 0;
      list-style: none;
      background: var(--card-background-color, #fff);
      color: var(--primary-text-color);
      border-radius: 8px;
      box-shadow: var(--ha-card-box-shadow, 0 2px 8px rgba(0, 0, 0, 0.3));
    }
    [role="option"] {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 8px 16px;
      text-align: start;
    }
    [role="option"]:hover,
    [role="option"]:focus-visible {
      background: rgba(127, 127, 127, 0.15);
    }
    [role="option"][aria-selected="true"] {
      color: var(--primary-color);
      font-weight: 500;
    }
  `}disconnectedCallback(){super.disconnectedCallback(),this.close()}get chosen(){if(!this.person)return;let t=this.people.find(s=>s.entity_id===this.person);if(t)return t;let e=this.hass?.states[this.person];return{entity_id:this.person,name:e?.attributes.friendly_name??this.person,picture:null}}render(){let t=this.chosen,e=t?.name??h(this.hass,"panel.person.everyone"),s=h(this.hass,"panel.person.current",{name:e});return r`
      <button
        class="current"
        data-testid="person-picker"
        data-person=${t?.entity_id??""}
        aria-haspopup="listbox"
        aria-expanded=${this.open?"true":"false"}
        aria-label=${s}
        title=${s}
        @click=${this.toggle}
      >
        ${this.avatar(t)}<span class="name">${e}</span>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Se} /></svg>
      </button>
      ${this.open?this.renderList(t):l}
    `}renderList(t){let e=t&&!this.people.includes(t)?[...this.people,t]:this.people;return r`<div role="listbox" aria-label=${h(this.hass,"panel.person.label")} @keydown=${this.onKey}>
      ${this.option(void 0,h(this.hass,"panel.person.everyone"),!t)}
      ${e.map(s=>this.option(s,s.name,s.entity_id===t?.entity_id))}
    </div>`}option(t,e,s){return r`<button
      role="option"
      data-testid="person-option"
      data-person=${t?.entity_id??""}
      aria-selected=${s?"true":"false"}
      @click=${()=>this.choose(t?.entity_id)}
    >
      ${this.avatar(t)}<span>${e}</span>
    </button>`}avatar(t){return t?r`<span class="avatar" aria-hidden="true"
      >${t.picture?r`<img src=${t.picture} alt="" />`:Ae(t.name)}</span
    >`:r`<span class="avatar" aria-hidden="true"
        ><svg viewBox="0 0 24 24"><path d=${ve} /></svg
      ></span>`}close(){this.open=!1,document.removeEventListener("click",this.onOutsideClick,!0)}choose(t){this.close(),t!==this.person&&this.dispatchEvent(new CustomEvent("person-changed",{detail:{person:t},bubbles:!0,composed:!0}))}};d([y({attribute:!1})],et.prototype,"hass",2),d([y({attribute:!1})],et.prototype,"people",2),d([y({attribute:!1})],et.prototype,"person",2),d([y({type:Boolean,reflect:!0})],et.prototype,"narrow",2),d([m()],et.prototype,"open",2);g("aime-person-picker",et);var Ne=(i,a,t=0,e=50,s)=>D(i,"aime/album",{album_id:a,page:t,page_size:e,language:i.locale?.language??i.language,...N({person:s})});var pt=class extends E{constructor(){super(...arguments);this.more=!1;this.busy=!1;this.label="";this.visible=!1}static{this.styles=[v,f`
      :host {
        display: flex;
        justify-content: center;
        padding: 16px 0 8px;
      }
      :host([hidden]) {
        display: none;
      }
    `]}connectedCallback(){super.connectedCallback(),this.observer=new IntersectionObserver(t=>{this.visible=t.some(e=>e.isIntersecting),this.maybeAsk()},{rootMargin:"0px 0px 400px 0px"}),this.observer.observe(this)}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect(),this.observer=void 0}updated(t){(t.has("busy")||t.has("more"))&&this.observer&&(this.visible=!1,this.observer.unobserve(this),this.observer.observe(this))}maybeAsk(){this.visible&&this.more&&!this.busy&&this.ask()}ask(){this.dispatchEvent(new CustomEvent("aime-load-more",{bubbles:!0,composed:!0}))}render(){return this.more?r`<button data-testid="load-more" ?disabled=${this.busy} @click=${()=>this.ask()}>
      ${this.label}
    </button>`:l}};d([y({type:Boolean})],pt.prototype,"more",2),d([y({type:Boolean})],pt.prototype,"busy",2),d([y()],pt.prototype,"label",2);g("aime-load-more",pt);function xt(i,a,t){let e=new Intl.PluralRules(Pt(i)).select(t)==="one"?"one":"other";return h(i,`${a}.${e}`,{count:u(i,t)})}var st=(i,a)=>xt(i,"collection.plays",a),Ws=new Set(["vinyl","cd","cassette","digital","box_set","other","unknown"]);function $t(i,a){let t=a??"unknown";return Ws.has(t)?h(i,`collection.format.${t}`):t}function Ue(){return new URLSearchParams(window.location.search)}function Be(i){let a=new URLSearchParams;for(let[s,n]of Object.entries(i))n!==void 0&&n!==""&&n!==!1&&a.set(s,String(n));let t=a.toString(),e=Me(`${window.location.pathname}${t?`?${t}`:""}`);e!==`${window.location.pathname}${window.location.search}`&&history.replaceState(history.state,"",e)}var Gs={discogs:"Discogs",spotify:"Spotify",lastfm:"Last.fm",musicbrainz:"MusicBrainz",wikipedia:"Wikipedia"};function We(i){return Object.entries(i??{}).filter(([,a])=>typeof a=="string"&&/^https?:\/\//i.test(a)).map(([a,t])=>({service:a,name:Gs[a]??a.charAt(0).toUpperCase()+a.slice(1),url:t}))}function Ge(i,a){let t=a==="manual"?"collection.source.manual":`common.source.${a}`,e=h(i,t);return e===t?a:e}var Je="aime-last-zone",U=class extends E{constructor(){super(...arguments);this.mediaId="";this.mediaType="music";this.label="";this.zone=localStorage.getItem(Je)??"";this.message="";this.busy=!1}static{this.styles=[v,f`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .message {
        font-size: 0.875rem;
      }
    `]}render(){let t=Pe(this.hass);if(!t.length)return r`<span class="muted" data-testid="no-zone">${h(this.hass,"common.no_zone")}</span>`;let e=t.some(s=>s.entityId===this.zone)?this.zone:t[0].entityId;return r`
      <label class="visually-hidden" for="zone">${h(this.hass,"common.choose_zone")}</label>
      <select
        id="zone"
        data-testid="zone-select"
        .value=${e}
        @change=${s=>this.zone=s.target.value}
      >
        ${t.map(s=>r`<option value=${s.entityId} ?selected=${s.entityId===e}>${s.name}</option>`)}
      </select>
      <button
        class="primary"
        data-testid="zone-play"
        ?disabled=${this.busy||!this.mediaId}
        @click=${()=>this.play(e,t)}
      >
        ${this.label||h(this.hass,"common.play")}
      </button>
      <span class="message" role="status" data-testid="zone-message">${this.message}</span>
    `}async play(t,e){this.busy=!0,this.message="",localStorage.setItem(Je,t);try{await He(this.hass,t,this.mediaId,this.mediaType);let s=e.find(n=>n.entityId===t)?.name??t;this.message=h(this.hass,"common.playing_in",{zone:s}),this.dispatchEvent(new CustomEvent("aime-played",{detail:{entityId:t},bubbles:!0,composed:!0}))}catch(s){this.message=await _(this.hass,s)}finally{this.busy=!1}}};d([y({attribute:!1})],U.prototype,"hass",2),d([y({attribute:"media-id"})],U.prototype,"mediaId",2),d([y({attribute:"media-type"})],U.prototype,"mediaType",2),d([y()],U.prototype,"label",2),d([m()],U.prototype,"zone",2),d([m()],U.prototype,"message",2),d([m()],U.prototype,"busy",2);g("aime-zone-picker",U);var z=(i,a)=>r`<div class="figure"><span class="value">${i}</span><span class="label">${a}</span></div>`,ct=(i,a,t)=>t?I(i,t,{dateStyle:"medium"}):h(i,`${a}.never`);function At(i,a,t){let e=We(t.links);return r`<div class="actions">
    ${t.play_media_id?r`<aime-zone-picker
          data-testid="${a}-play"
          .hass=${i}
          media-id=${t.play_media_id}
          .label=${h(i,`${a}.play`)}
        ></aime-zone-picker>`:l}
    ${e.length?r`<nav class="links" aria-label=${h(i,`${a}.links`)}>
          ${e.map(s=>r`<a
                href=${s.url}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="${a}-link-${s.service}"
                aria-label=${h(i,`${a}.new_tab`,{service:s.name})}
                >${s.name} ↗</a
              >`)}
        </nav>`:l}
  </div>`}var It=f`
  .layout {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .hero {
    display: flex;
    gap: 24px;
    align-items: flex-start;
  }
  .hero aime-cover {
    flex: none;
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
    border-radius: 6px;
  }
  .hero .info {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
    flex: 1;
  }
  .overline {
    text-transform: uppercase;
    letter-spacing: 0.08em;
    font-size: 0.75rem;
    color: var(--secondary-text-color);
  }
  .hero h1 {
    font-size: 2rem;
    line-height: 1.2;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hero .by {
    font-size: 1.15rem;
    overflow-wrap: anywhere;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    color: var(--secondary-text-color);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    border-radius: 14px;
    padding: 2px 10px;
    font-size: 0.8rem;
    line-height: 1.6;
    border: 1px solid var(--divider-color, #ccc);
    color: var(--primary-text-color);
  }
  .chip.genre {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge {
    display: inline-block;
    border-radius: 10px;
    padding: 0 8px;
    font-size: 0.72rem;
    line-height: 1.6;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    white-space: nowrap;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    gap: 12px;
    margin: 8px 0 4px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .figure .value {
    font-size: 1.3rem;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    font-size: 0.8rem;
    color: var(--secondary-text-color);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  .links a {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  .columns {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    align-items: start;
  }
  .column {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .card h2 button {
    font-size: 0.875rem;
    font-weight: 400;
    white-space: nowrap;
  }
  .scroll-list {
    max-height: 640px;
    overflow-y: auto;
    overscroll-behavior: contain;
    margin-right: -8px;
    padding-right: 8px;
  }
  .card h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    justify-content: space-between;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rows > li {
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 8px 0;
    border-bottom: 1px solid var(--divider-color, #eee);
    min-width: 0;
  }
  .rows > li:last-child {
    border-bottom: none;
  }
  .rows .main {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  .rows .number {
    width: 1.8em;
    text-align: right;
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
    flex: none;
  }
  .rows .count {
    flex: none;
    min-width: 4.5em;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .bar {
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color, rgba(127, 127, 127, 0.2));
    margin-top: 4px;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--primary-color);
    border-radius: 2px;
  }
  .description p {
    margin: 0 0 12px;
    line-height: 1.55;
    white-space: pre-line;
  }
  .empty-line {
    color: var(--secondary-text-color);
    margin: 4px 0;
  }
  @media (max-width: 900px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
    .scroll-list {
      max-height: none;
    }
  }
  @media (max-width: 600px) {
    .hero {
      flex-direction: column;
      align-items: stretch;
      gap: 16px;
    }
    .hero aime-cover {
      align-self: center;
      width: min(100%, 280px);
    }
    .hero h1 {
      font-size: 1.5rem;
    }
  }
`;var Qe=50,X=class extends H{constructor(){super(...arguments);this.album=S;this.plays={entries:[],page:0,total:0};this.loadingMore=!1;this.moreError="";this.writing=!1;this.writeError="";this.request=0}static{this.styles=[v,It]}get albumId(){return Number(this.params?.id)}willUpdate(t){super.willUpdate(t),(this.routeIdChanged(t)||this.personChanged(t))&&this.reload()}onLiveEvent(t){t.kind==="play"&&t.play.album_id===this.albumId&&this.reload(!0),t.kind==="collection"&&this.reload(!0)}async reload(t=!1){let e=++this.request;t||(this.album=S,this.writeError=""),this.moreError="",this.loadingMore=!1;try{let s=await Ne(this.hass,this.albumId,0,Qe,this.person);if(e!==this.request)return;this.album={status:"ready",value:s};let n=t?this.plays:{entries:[],page:0};this.plays={entries:Ye(s.plays,n.entries),page:n.page,total:s.total_plays}}catch(s){if(e!==this.request)return;let n=await _(this.hass,s);if(e!==this.request)return;(!t||this.album.status!=="ready")&&(this.album={status:"error",message:n})}}async loadMorePlays(){let{entries:t,page:e,total:s}=this.plays;if(this.loadingMore||t.length>=s)return;let n=this.request;this.loadingMore=!0,this.moreError="";try{let o=await lt(this.hass,{album_id:this.albumId,person:this.person},e+1,Qe);if(n!==this.request)return;this.plays={entries:Ye(t,o.entries),page:e+1,total:o.total}}catch(o){let p=await _(this.hass,o);n===this.request&&(this.moreError=p)}finally{n===this.request&&(this.loadingMore=!1)}}async writeDescription(){this.writing=!0,this.writeError="";try{await tt(this.hass,"describe_album",{album_id:this.albumId,force:!0},!0),await this.reload(!0)}catch(t){this.writeError=this.t("album.regenerate_failed",{message:await _(this.hass,t)})}finally{this.writing=!1}}render(){return this.album.status==="loading"?this.renderSkeleton():r`<div class="layout" data-testid="view-album">
      ${this.renderLoad(this.album,t=>this.renderAlbum(t),()=>this.reload())}
    </div>`}renderSkeleton(){return r`<div class="layout" role="status" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <section class="card hero" aria-hidden="true">
        <div class="placeholder" style="width:220px;aspect-ratio:1"></div>
        <div class="info">
          <div class="placeholder" style="height:32px;width:60%"></div>
          <div class="placeholder" style="height:20px;width:35%"></div>
          <div class="placeholder" style="height:56px;width:80%"></div>
        </div>
      </section>
    </div>`}renderAlbum(t){return[this.renderHero(t),r`<div class="columns">
      <div class="column">${this.renderDescription(t)} ${this.renderTracks(t)}</div>
      <div class="column">${this.renderRecords(t)} ${this.renderPlays()}</div>
    </div>`]}renderHero(t){let e=[t.original_year?this.t("album.original_year",{year:t.original_year}):"",t.pressing_year&&t.pressing_year!==t.original_year?this.t("album.pressing_year",{year:t.pressing_year}):""].filter(Boolean);return r`<section class="card hero">
      <aime-cover
        fluid
        style="width:220px"
        data-testid="album-cover"
        .src=${t.cover??null}
        .label=${t.title}
      ></aime-cover>
      <div class="info">
        <span class="overline">${this.t("album.kind")}</span>
        <h1 class="name-heading" dir="auto" title=${t.title} data-testid="album-title">${t.title||this.t("common.unknown")}</h1>
        <a class="by name-heading" dir="auto" title=${t.artist} data-testid="album-artist" href=${L(t.artist_id)} @click=${b}
          >${t.artist}</a
        >
        ${e.length?r`<div class="facts">${e.map(s=>r`<span>${s}</span>`)}</div>`:l}
        ${this.renderChips(t.genres,"genre","album.genres")} ${this.renderChips(t.styles,"style","album.styles")}
        <div class="figures">
          ${z(u(this.hass,t.total_plays),this.t("album.plays"))}
          ${z(P(this.hass,t.listening_seconds),this.t("album.listening"))}
          ${z(ct(this.hass,"album",t.first_played_at),this.t("album.first_played"))}
          ${z(ct(this.hass,"album",t.last_played_at),this.t("album.last_played"))}
        </div>
        ${At(this.hass,"album",t)}
      </div>
    </section>`}renderChips(t,e,s){return t.length?r`<ul class="chips" aria-label=${this.t(s)}>
      ${t.map(n=>r`<li class="chip ${e}">${n}</li>`)}
    </ul>`:l}renderDescription(t){let e=t.description,s=vt(this.hass);return r`<section class="card description">
      <h2>
        <span>${this.t("album.description")}</span>
        ${s?r`<button data-testid="album-regenerate" ?disabled=${this.writing} @click=${()=>this.writeDescription()}>
              ${this.writing?this.t("album.writing"):this.t(e?"album.regenerate":"album.write")}
            </button>`:l}
      </h2>
      <div data-testid="album-description" aria-busy=${this.writing?"true":"false"}>
        ${e?r`${e.text.split(/\n{2,}/).map(n=>r`<p>${n}</p>`)}
              <p class="muted" data-testid="album-description-by">
                ${this.t("album.description_by",{model:e.model,when:I(this.hass,e.generated_at,{dateStyle:"long"})})}
              </p>`:r`<p class="empty-line">${this.t("album.no_description")}</p>`}
      </div>
      ${this.writeError?r`<p class="error" role="alert" data-testid="album-regenerate-error">${this.writeError}</p>`:l}
    </section>`}renderTracks(t){let e=Math.max(1,...t.tracks.map(s=>s.plays));return r`<section class="card">
      <h2>${this.t("album.tracks")}</h2>
      ${t.tracks.length?r`<ol class="rows">
            ${t.tracks.map(s=>r`<li data-testid="album-track">
                <span class="number">${s.track_number??"\u2013"}</span>
                <div class="main">
                  <span class="ellipsis" dir="auto" title=${s.title}>${s.title}</span>
                  ${s.artist!==t.artist?r`<a class="muted ellipsis" dir="auto" title=${s.artist} href=${L(s.artist_id)} @click=${b}
                        >${s.artist}</a
                      >`:l}
                  <div class="bar" aria-hidden="true"><span style="width:${s.plays/e*100}%"></span></div>
                </div>
                <span class="count">
                  ${st(this.hass,s.plays)}
                  ${s.duration?r`<br /><span class="muted">${Js(s.duration)}</span>`:l}
                </span>
              </li>`)}
          </ol>`:r`<p class="empty-line">${this.t("album.no_tracks")}</p>`}
    </section>`}renderRecords(t){return r`<section class="card" data-testid="album-records">
      <h2>${this.t("album.records")}</h2>
      ${t.records.length?r`<ul class="rows">
            ${t.records.map(e=>r`<li data-testid="album-record">
                <div class="main">
                  <span><span class="badge">${$t(this.hass,e.format)}</span>
                    ${e.pressing_year?this.t("album.record_pressing",{year:e.pressing_year}):""}</span>
                  ${e.labels?r`<span class="muted ellipsis">${e.labels}</span>`:l}
                  ${e.added_at?r`<span class="muted">${this.t("album.record_added",{when:I(this.hass,e.added_at,{dateStyle:"medium"})})}</span>`:l}
                </div>
                ${e.discogs_url&&/^https:\/\//.test(e.discogs_url)?r`<a href=${e.discogs_url} target="_blank" rel="noopener noreferrer"
                      >${this.t("album.record_discogs")} ↗</a
                    >`:l}
              </li>`)}
          </ul>`:r`<p class="empty-line">${this.t("album.not_owned")}</p>`}
    </section>`}renderPlays(){let{entries:t,total:e}=this.plays;return r`<section class="card">
      <h2>
        <span>${this.t("album.history")}</span>
        <span class="muted">${u(this.hass,e)}</span>
      </h2>
      <div class="scroll-list">
      ${t.length?r`<ul class="rows" data-testid="album-plays">
            ${t.map(s=>r`<li data-testid="album-play-row">
                <div class="main">
                  <span class="ellipsis" dir="auto" title=${s.title}>${s.title}</span>
                  <span class="muted ellipsis">
                    ${[this.t("album.via",{source:Ge(this.hass,s.source)}),s.device?this.t("album.on_device",{device:s.device}):""].filter(Boolean).join(" \xB7 ")}
                  </span>
                </div>
                <time class="count" datetime=${s.local_time}>${I(this.hass,s.played_at)}</time>
              </li>`)}
          </ul>`:r`<p class="empty-line" data-testid="album-plays">${this.t("album.no_plays")}</p>`}
      ${this.moreError?r`<div class="error" role="alert">
            ${this.t("common.error",{message:this.moreError})}
            <button @click=${()=>this.loadMorePlays()}>${this.t("common.retry")}</button>
          </div>`:r`<aime-load-more
            .more=${t.length<e}
            .busy=${this.loadingMore}
            .label=${this.t("album.more_plays")}
            @aime-load-more=${()=>this.loadMorePlays()}
          ></aime-load-more>`}
      </div>
    </section>`}};d([m()],X.prototype,"album",2),d([m()],X.prototype,"plays",2),d([m()],X.prototype,"loadingMore",2),d([m()],X.prototype,"moreError",2),d([m()],X.prototype,"writing",2),d([m()],X.prototype,"writeError",2);function Ye(i,a){let t=new Set(i.map(s=>s.play_id)),e=i.length?i[i.length-1].played_at:1/0;return[...i,...a.filter(s=>!t.has(s.play_id)&&s.played_at<=e)]}function Js(i){return`${Math.floor(i/60)}:${String(Math.round(i%60)).padStart(2,"0")}`}g("aime-album",X);var Ke=(i,a,t=10,e)=>D(i,"aime/artist",{artist_id:a,top:t,...N({person:e})});var Xe=f`
  aime-cover.portrait,
  .placeholder.round {
    border-radius: 50%;
    overflow: hidden;
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 14px;
    grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .tile-link {
    display: flex;
    flex-direction: column;
    gap: 6px;
    color: var(--primary-text-color);
    border-radius: 6px;
  }
  .tile-link aime-cover {
    transition: transform 0.15s;
  }
  .tile-link:hover {
    text-decoration: none;
  }
  .tile-link:hover aime-cover {
    transform: scale(1.02);
  }
  .tile-link:hover .tile-title {
    text-decoration: underline;
  }
  .tile-title {
    font-weight: 500;
  }
  .tile-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  @media (max-width: 600px) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .tile-link aime-cover {
      transition: none;
    }
  }
`;var Qs=10;function Ys(i){if(!i.length)return[];let a=new Map(i.map(p=>[p.month,p.plays])),[t,e]=i[0].month.split("-").map(Number),[s,n]=i[i.length-1].month.split("-").map(Number),o=[];for(let p=t*12+e-1;p<=s*12+n-1;p++){let c=`${Math.floor(p/12)}-${String(p%12+1).padStart(2,"0")}`;o.push({month:c,plays:a.get(c)??0})}return o}var wt=class extends H{constructor(){super(...arguments);this.artist=S;this.chartOptions={};this.request=0}static{this.styles=[v,It,Xe]}get artistId(){return Number(this.params?.id)}willUpdate(t){super.willUpdate(t),(this.routeIdChanged(t)||this.personChanged(t))&&this.reload();let e=!!this.hass?.themes?.darkMode;this.artist.status==="ready"&&(t.has("artist")||e!==this.chartDark)&&(this.chartDark=e,this.chartOptions=this.buildChart(this.artist.value))}onLiveEvent(t){t.kind==="play"&&t.play.artist_id===this.artistId&&this.reload(!0),t.kind==="collection"&&this.reload(!0)}async reload(t=!1){let e=++this.request;t||(this.artist=S);try{let s=await Ke(this.hass,this.artistId,Qs,this.person);e===this.request&&(this.artist={status:"ready",value:s})}catch(s){let n=await _(this.hass,s);e===this.request&&(!t||this.artist.status!=="ready")&&(this.artist={status:"error",message:n})}}buildChart(t){let e=Ys(t.months),s=Ht(this),n=Pt(this.hass),o=new Intl.DateTimeFormat(n,{month:"short",year:"numeric",timeZone:"UTC"}),p=e.map(c=>{let[$,q]=c.month.split("-").map(Number);return o.format(new Date(Date.UTC($,q-1,1)))});return{grid:{left:8,right:8,top:16,bottom:8,containLabel:!0},tooltip:{trigger:"axis",axisPointer:{type:"shadow"},formatter:c=>{let $=c[0]?.dataIndex??0;return`${p[$]}
${st(this.hass,e[$]?.plays??0)}`}},xAxis:{type:"category",data:p,axisTick:{show:!1},axisLine:{lineStyle:{color:s.divider}},axisLabel:{color:s.secondaryText,hideOverlap:!0,alignMinLabel:"left",alignMaxLabel:"right"}},yAxis:{type:"value",minInterval:1,splitLine:{lineStyle:{color:s.divider}},axisLabel:{color:s.secondaryText}},series:[{type:"bar",name:this.t("artist.plays"),data:e.map(c=>c.plays),barMaxWidth:22,itemStyle:{borderRadius:[3,3,0,0]}}]}}render(){return this.artist.status==="loading"?r`<div class="layout" role="status" data-testid="loading">
        <span class="visually-hidden">${this.t("common.loading")}</span>
        <section class="card hero" aria-hidden="true">
          <div class="placeholder round" style="width:160px;aspect-ratio:1"></div>
          <div class="info">
            <div class="placeholder" style="height:32px;width:50%"></div>
            <div class="placeholder" style="height:56px;width:80%"></div>
          </div>
        </section>
        <div class="card placeholder" style="height:260px" aria-hidden="true"></div>
      </div>`:r`<div class="layout" data-testid="view-artist">
      ${this.renderLoad(this.artist,t=>this.renderArtist(t),()=>this.reload())}
    </div>`}renderArtist(t){let e=t.albums.filter(n=>n.plays>0),s=t.albums.filter(n=>n.owned>0&&n.plays===0);return[this.renderHero(t,e.length,t.albums.filter(n=>n.owned>0).length),r`<section class="card">
        <h2>${this.t("artist.chart")}</h2>
        ${t.months.length?r`<aime-chart
              data-testid="artist-chart"
              .options=${this.chartOptions}
              .label=${this.t("artist.chart_label",{name:t.name})}
              .height=${this.narrow?200:260}
            ></aime-chart>`:r`<p class="empty-line">${this.t("artist.no_months")}</p>`}
      </section>`,r`<div class="columns">
        <div class="column">
          <section class="card">
            <h2>${this.t("artist.albums_played")}</h2>
            ${e.length?r`<ul class="tiles">${e.map(n=>this.renderAlbum(t,n,"artist-album"))}</ul>`:r`<p class="empty-line">${this.t("artist.no_albums")}</p>`}
          </section>
          ${s.length?r`<section class="card">
                <h2>${this.t("artist.albums_owned_unplayed")}</h2>
                <ul class="tiles">${s.map(n=>this.renderAlbum(t,n,"artist-owned"))}</ul>
              </section>`:l}
        </div>
        <div class="column">${this.renderTracks(t)}</div>
      </div>`]}renderHero(t,e,s){return r`<section class="card hero">
      <aime-cover class="portrait" fluid style="width:160px" .src=${t.cover??null} .label=${t.name}></aime-cover>
      <div class="info">
        <span class="overline">${this.t("artist.kind")}</span>
        <h1 class="name-heading" dir="auto" title=${t.name} data-testid="artist-name">${t.name}</h1>
        ${t.candidates.length?r`<span class="muted">${this.t("artist.stands_for",{names:t.candidates.join(", ")})}</span>`:l}
        <div class="figures">
          ${z(u(this.hass,t.total_plays),this.t("artist.plays"))}
          ${z(u(this.hass,e),this.t("artist.albums"))}
          ${z(u(this.hass,s),this.t("artist.albums_owned"))}
          ${z(ct(this.hass,"artist",t.first_played_at),this.t("artist.first_played"))}
          ${z(ct(this.hass,"artist",t.last_played_at),this.t("artist.last_played"))}
        </div>
        ${At(this.hass,"artist",t)}
      </div>
    </section>`}renderAlbum(t,e,s){return r`<li class="tile" data-testid=${s} data-album-id=${e.album_id}>
      <a class="tile-link" href=${O(e.album_id)} @click=${b}>
        <aime-cover fluid .src=${e.cover??null} label=""></aime-cover>
        <span class="tile-title two-lines" dir="auto" title=${e.title}>${e.title||this.t("common.unknown")}</span>
      </a>
      ${e.artist!==t.name?r`<span class="muted ellipsis" dir="auto" title=${e.artist}>${this.t("artist.by",{artist:e.artist})}</span>`:l}
      <span class="tile-meta">
        <span>${st(this.hass,e.plays)}</span>
        ${e.owned?r`<span class="badge" data-testid="artist-owned-badge"
              >${e.owned>1?xt(this.hass,"collection.total",e.owned):this.t("artist.owned")}</span
            >`:l}
      </span>
    </li>`}renderTracks(t){let e=Math.max(1,...t.top_tracks.map(s=>s.plays));return r`<section class="card">
      <h2>${this.t("artist.top_tracks")}</h2>
      ${t.top_tracks.length?r`<ol class="rows">
            ${t.top_tracks.map((s,n)=>r`<li data-testid="artist-track">
                <span class="number">${n+1}</span>
                <div class="main">
                  ${s.album_id===void 0||s.album_id===null?r`<span class="ellipsis" dir="auto" title=${s.name}>${s.name}</span>`:r`<a class="ellipsis" dir="auto" href=${O(s.album_id)} @click=${b} title=${s.name}
                        >${s.name}</a
                      >`}
                  <div class="bar" aria-hidden="true"><span style="width:${s.plays/e*100}%"></span></div>
                </div>
                <span class="count">${st(this.hass,s.plays)}</span>
              </li>`)}
          </ol>`:r`<p class="empty-line">${this.t("artist.no_tracks")}</p>`}
    </section>`}};d([m()],wt.prototype,"artist",2),d([m()],wt.prototype,"chartOptions",2);g("aime-artist",wt);var Kt=(i,a)=>D(i,"aime/collection",N(a)),Ve=i=>D(i,"aime/collection/facets");var mt=class{constructor(){this.running=!1}run(a,t=0){if(clearTimeout(this.timer),t>0){this.timer=setTimeout(()=>this.run(a),t);return}if(this.running){this.next=a;return}this.running=!0,this.drain(a)}cancel(){clearTimeout(this.timer),this.next=void 0}async drain(a){let t=a;for(;t;){try{await t()}catch{}t=this.next,this.next=void 0}this.running=!1}};var Ze=f`
  .layout {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .summary h2 {
    margin-bottom: 12px;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 12px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .figure .value {
    font-size: 1.75rem;
    font-weight: 500;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .filters {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .filter-row {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 120px;
    flex: 1 1 140px;
  }
  .field.search {
    flex: 2 1 220px;
  }
  .field select,
  .field input {
    width: 100%;
  }
  .field-label {
    font-size: 0.75rem;
    color: var(--secondary-text-color);
    letter-spacing: 0.02em;
  }
  .sort {
    display: flex;
    gap: 6px;
  }
  .sort select {
    flex: 1;
    min-width: 0;
    width: 11em;
  }
  button.direction {
    padding: 0 8px;
    display: inline-flex;
    align-items: center;
  }
  button.direction svg.down {
    transform: rotate(180deg);
  }
  .filter-row.second {
    justify-content: space-between;
    align-items: center;
  }
  .shelves {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .sort-field {
    display: flex;
    gap: 8px;
    align-items: center;
    margin-left: auto;
  }
  .sort-label {
    font-size: 0.875rem;
    color: var(--secondary-text-color);
    white-space: nowrap;
  }
  button.chip {
    border-radius: 18px;
    padding: 4px 14px;
    min-height: 32px;
    font-size: 0.875rem;
    background: transparent;
  }
  button.chip[aria-pressed="true"] {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  button.chip.clear {
    border-style: dashed;
    color: var(--secondary-text-color);
  }
  button:not([disabled]):hover {
    filter: brightness(1.08);
  }
  .result-line {
    display: flex;
    gap: 12px;
    align-items: baseline;
    padding: 0 4px;
    font-weight: 500;
  }
  .covers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(168px, 1fr));
    transition: opacity 0.15s;
  }
  .covers[data-refreshing] {
    opacity: 0.55;
  }
  .record {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    padding: 8px 8px 10px;
    border-radius: var(--ha-card-border-radius, 12px);
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
    transition:
      box-shadow 0.15s,
      transform 0.15s;
  }
  .record:hover,
  .record:focus-within {
    box-shadow: var(--ha-card-box-shadow, 0 2px 8px rgba(0, 0, 0, 0.18));
    transform: translateY(-1px);
  }
  .album-link {
    display: flex;
    flex-direction: column;
    gap: 8px;
    color: var(--primary-text-color);
    border-radius: 6px;
    min-width: 0;
  }
  .album-link:hover {
    text-decoration: none;
  }
  .album-link:hover .title {
    text-decoration: underline;
  }
  .title {
    font-weight: 500;
  }
  .artist {
    font-size: 0.9rem;
  }
  span.artist {
    color: var(--secondary-text-color);
  }
  .details,
  .plays {
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  .plays {
    margin-top: 2px;
    font-variant-numeric: tabular-nums;
  }
  .plays.never {
    font-style: italic;
  }
  .empty {
    text-align: center;
    color: var(--secondary-text-color);
    padding: 32px 16px;
  }
  .skeleton .block {
    aspect-ratio: 1;
    margin-bottom: 8px;
  }
  .skeleton .line {
    height: 12px;
    margin: 4px 0;
  }
  .skeleton .line.short {
    width: 60%;
  }
  @media (prefers-reduced-motion: reduce) {
    .record {
      transition: none;
    }
  }
  @media (max-width: 600px) {
    .covers {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 10px;
    }
    .figure .value {
      font-size: 1.4rem;
    }
    .field {
      flex: 1 1 40%;
    }
    .field.search {
      flex: 1 1 100%;
    }
  }
`;var Xt=["artist","title","year","added","plays","last_played"],ts=new Set(["added","plays","last_played"]),Vt=[{shelf:"never_played",testid:"collection-shelf-never"},{shelf:"not_played_year",testid:"collection-shelf-year"}],Zt={text:"",format:"",genre:"",style:"",decade:"",sort:"artist",descending:!1,shelf:""};function es(i){let a=i.get("sort"),t=i.get("shelf"),e=i.get("decade")??"";return{text:i.get("q")??"",format:i.get("format")??"",genre:i.get("genre")??"",style:i.get("style")??"",decade:/^\d{4}$/.test(e)?e:"",sort:a&&Xt.includes(a)?a:"artist",descending:i.get("order")==="desc",shelf:t&&Vt.some(s=>s.shelf===t)?t:""}}function ss(i){let{text:a,format:t,genre:e,style:s,decade:n,sort:o,descending:p,shelf:c}=i;Be({q:a.trim(),format:t,genre:e,style:s,decade:n,sort:o==="artist"?"":o,order:p?"desc":"",shelf:c})}function is(i){let{text:a,format:t,genre:e,style:s,decade:n,shelf:o}=i;return!!(a.trim()||t||e||s||n||o)}var Ks=48,B=class extends H{constructor(){super(...arguments);this.filters=Zt;this.listing=S;this.facets=S;this.refreshing=!1;this.loadingMore=!1;this.moreError="";this.request=0;this.search=new mt;this.started=!1}static{this.styles=[v,Ze]}connectedCallback(){super.connectedCallback(),this.filters=es(Ue()),this.hass&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.search.cancel(),this.started=!1}shouldUpdate(t){return!this.onlyStatesChanged(t)}willUpdate(t){super.willUpdate(t),t.has("hass")&&this.hass&&this.isConnected&&!this.started?this.start():this.started&&this.personChanged(t)&&this.loadFirstPage({withStats:!0})}start(){this.started=!0,this.loadFacets(),this.loadFirstPage({withStats:!0})}onLiveEvent(t){t.kind==="collection"&&(this.loadFacets(!0),this.loadFirstPage({withStats:!0,quiet:!0}))}loadFacets(t=!1){this.load(()=>Ve(this.hass),e=>this.facets=e,t)}query(t,e){let{text:s,format:n,genre:o,style:p,decade:c,sort:$,descending:q,shelf:x}=this.filters;return{page:t,page_size:Ks,text:s.trim(),format:n,genre:o,style:p,decade:c?Number(c):void 0,shelf:x||void 0,sort:$,descending:q,with_stats:e,person:this.person}}async loadFirstPage({withStats:t=!1,quiet:e=!1}={}){let s=++this.request;this.loadingMore=!1,this.moreError="",this.listing.status==="ready"?this.refreshing=!0:e||(this.listing=S);try{let n=await Kt(this.hass,this.query(0,t));if(s!==this.request)return;n.stats&&(this.stats=n.stats),this.listing={status:"ready",value:{records:n.records,total:n.total,page:0}}}catch(n){let o=await _(this.hass,n);if(s!==this.request)return;this.listing={status:"error",message:o}}finally{s===this.request&&(this.refreshing=!1)}}async loadNextPage(){if(this.listing.status!=="ready"||this.loadingMore||this.refreshing)return;let{records:t,total:e,page:s}=this.listing.value;if(t.length>=e)return;let n=this.request;this.loadingMore=!0,this.moreError="";try{let o=await Kt(this.hass,this.query(s+1,!1));if(n!==this.request||this.listing.status!=="ready")return;this.listing={status:"ready",value:{records:[...t,...o.records],total:o.total,page:s+1}}}catch(o){let p=await _(this.hass,o);n===this.request&&(this.moreError=p)}finally{n===this.request&&(this.loadingMore=!1)}}change(t,e=!1){this.filters={...this.filters,...t},ss(this.filters),this.search.cancel(),e?this.search.run(()=>this.loadFirstPage()):this.loadFirstPage()}clearFilters(){this.change({...Zt,sort:this.filters.sort,descending:this.filters.descending})}get filtered(){return is(this.filters)}render(){return r`
      <div class="layout" data-testid="view-collection">
        ${this.renderSummary()} ${this.renderFilters()}
        ${this.listing.status==="loading"?this.renderSkeleton():this.renderLoad(this.listing,t=>this.renderListing(t),()=>this.loadFirstPage({withStats:!this.stats}))}
      </div>
    `}renderSummary(){let t=this.stats,e=(n,o)=>r`<div class="figure"><span class="value">${n}</span><span class="label">${o}</span></div>`,s=t?new Intl.NumberFormat(this.hass?.locale?.language??this.hass?.language,{style:"percent",maximumFractionDigits:0}).format(t.played_share):"\u2013";return r`<section class="card summary" data-testid="collection-stats">
      <h2>${this.t("collection.title")}</h2>
      <div class="figures">
        ${e(t?u(this.hass,t.records):"\u2013",this.t("collection.stats.records"))}
        ${e(s,this.t("collection.stats.played_share"))}
        ${e(t?u(this.hass,t.never_played):"\u2013",this.t("collection.stats.never_played"))}
      </div>
    </section>`}renderFilters(){let t=this.facets.status==="ready"?this.facets.value:void 0,{filters:e}=this,s=(o,p,c)=>{let $=e[o],q=p??[],x=!$||q.some(w=>w.value===$);return r`<label class="field">
        <span class="field-label">${this.t(`collection.${o}`)}</span>
        <select
          data-testid="collection-${o}"
          ?disabled=${!p?.length}
          @change=${w=>this.change({[o]:w.target.value})}
        >
          <option value="" ?selected=${!$}>${this.t("collection.any")}</option>
          ${x?l:r`<option value=${$} selected>${c($)}</option>`}
          ${q.map(w=>r`<option value=${w.value} ?selected=${w.value===$}>
                ${this.t("collection.option_count",{name:c(w.value),count:u(this.hass,w.records)})}
              </option>`)}
        </select>
      </label>`},n=o=>o;return r`<section class="card filters" aria-label=${this.t("collection.search")}>
      <div class="filter-row">
        <label class="field search">
          <span class="field-label">${this.t("collection.search")}</span>
          <input
            type="search"
            data-testid="collection-search"
            placeholder=${this.t("collection.search_placeholder")}
            .value=${e.text}
            @input=${o=>this.change({text:o.target.value},!0)}
          />
        </label>
        ${s("format",t?.formats,o=>$t(this.hass,o))}
        ${s("genre",t?.genres,n)} ${s("style",t?.styles,n)}
        ${s("decade",t?.decades,o=>this.t("collection.decade_value",{decade:o}))}
      </div>
      <div class="filter-row second">
        <div class="shelves" role="group" aria-label=${this.t("collection.shelves")}>
        ${Vt.map(({shelf:o,testid:p})=>r`<button
              class="chip"
              data-testid=${p}
              aria-pressed=${e.shelf===o?"true":"false"}
              @click=${()=>this.change({shelf:e.shelf===o?"":o})}
            >
              ${this.t(`collection.shelf.${o}`)}
            </button>`)}
        ${this.filtered?r`<button class="chip clear" data-testid="collection-clear" @click=${()=>this.clearFilters()}>
              ${this.t("collection.clear")}
            </button>`:l}
        </div>
        <div class="sort-field">
          <label class="sort-label" for="sort">${this.t("collection.sort")}</label>
          <div class="sort">
            <select
              id="sort"
              data-testid="collection-sort"
              @change=${o=>{let p=o.target.value;this.change({sort:p,descending:ts.has(p)})}}
            >
              ${Xt.map(o=>r`<option value=${o} ?selected=${o===e.sort}>
                    ${this.t(`collection.sort.${o}`)}
                  </option>`)}
            </select>
            <button
              class="direction"
              data-testid="collection-direction"
              aria-pressed=${e.descending?"true":"false"}
              title=${this.t(e.descending?"collection.descending":"collection.ascending")}
              aria-label=${this.t(e.descending?"collection.descending":"collection.ascending")}
              @click=${()=>this.change({descending:!e.descending})}
            >
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class=${e.descending?"down":""}>
                <path fill="currentColor" d=${be} />
              </svg>
            </button>
          </div>
        </div>
      </div>
      ${this.facets.status==="error"?r`<p class="muted error" role="alert">${this.t("collection.facets_error",{message:this.facets.message})}</p>`:l}
    </section>`}renderSkeleton(){return r`<div role="status" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <ul class="covers" aria-hidden="true">
        ${Array.from({length:12},()=>r`<li class="record skeleton"><div class="block placeholder"></div><div class="line placeholder"></div><div class="line short placeholder"></div></li>`)}
      </ul>
    </div>`}renderListing({records:t,total:e}){let s=xt(this.hass,"collection.total",e),n=r`<div class="result-line" aria-live="polite">
      <span data-testid="collection-total" data-total=${e}>${s}</span>
      ${t.length<e?r`<span class="muted">${this.t("collection.total_of",{shown:u(this.hass,t.length),total:u(this.hass,e)})}</span>`:l}
    </div>`;return t.length?r`${n}
      <ul class="covers" aria-busy=${this.refreshing?"true":"false"} ?data-refreshing=${this.refreshing}>
        ${t.map(o=>this.renderRecord(o))}
      </ul>
      ${this.moreError?r`<div class="state error" role="alert">
            ${this.t("common.error",{message:this.moreError})}
            <button @click=${()=>this.loadNextPage()}>${this.t("common.retry")}</button>
          </div>`:r`<aime-load-more
            .more=${t.length<e}
            .busy=${this.loadingMore||this.refreshing}
            .label=${this.t("collection.more")}
            @aime-load-more=${()=>this.loadNextPage()}
          ></aime-load-more>`}`:r`${n}
        <div class="card empty" data-testid="collection-empty">
          <p>${this.t(this.filtered?"collection.no_match":"collection.empty")}</p>
          ${this.filtered?r`<button @click=${()=>this.clearFilters()}>${this.t("collection.clear")}</button>`:l}
        </div>`}renderRecord(t){let e=[t.year?String(t.year):"",$t(this.hass,t.format)].filter(Boolean);return r`<li class="record" data-testid="collection-record" data-album-id=${t.album_id}>
      <a class="album-link" href=${O(t.album_id)} @click=${b}>
        <aime-cover fluid .src=${t.cover??null} label=""></aime-cover>
        <span class="title two-lines" dir="auto" title=${t.title}>${t.title}</span>
      </a>
      ${t.artist_id?r`<a class="artist ellipsis" dir="auto" title=${t.artist} href=${L(t.artist_id)} @click=${b}
            >${t.artist}</a
          >`:r`<span class="artist ellipsis" dir="auto" title=${t.artist}>${t.artist}</span>`}
      <span class="details ellipsis">${e.join(" \xB7 ")}</span>
      <span class="plays ${t.plays?"":"never"}">
        ${t.plays?st(this.hass,t.plays):this.t("collection.never_played")}
      </span>
    </li>`}};d([m()],B.prototype,"filters",2),d([m()],B.prototype,"listing",2),d([m()],B.prototype,"stats",2),d([m()],B.prototype,"facets",2),d([m()],B.prototype,"refreshing",2),d([m()],B.prototype,"loadingMore",2),d([m()],B.prototype,"moreError",2);g("aime-collection",B);var V={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},it=i=>(...a)=>({_$litDirective$:i,values:a}),W=class{constructor(a){}get _$AU(){return this._$AM._$AU}_$AT(a,t,e){this._$Ct=a,this._$AM=t,this._$Ci=e}_$AS(a,t){return this.update(a,t)}update(a,t){return this.render(...t)}};var Xs={},as=it(class extends W{constructor(){super(...arguments),this.ot=Xs}render(i,a){return a()}update(i,[a,t]){if(Array.isArray(a)){if(Array.isArray(this.ot)&&this.ot.length===a.length&&a.every((e,s)=>e===this.ot[s]))return j}else if(this.ot===a)return j;return this.ot=Array.isArray(a)?Array.from(a):a,this.render(a,t)}});var{I:Vs}=Re,rs=i=>i;var os=i=>i.strings===void 0,ns=()=>document.createComment(""),ht=(i,a,t)=>{let e=i._$AA.parentNode,s=a===void 0?i._$AB:a._$AA;if(t===void 0){let n=e.insertBefore(ns(),s),o=e.insertBefore(ns(),s);t=new Vs(n,o,i,i.options)}else{let n=t._$AB.nextSibling,o=t._$AM,p=o!==i;if(p){let c;t._$AQ?.(i),t._$AM=i,t._$AP!==void 0&&(c=i._$AU)!==o._$AU&&t._$AP(c)}if(n!==s||p){let c=t._$AA;for(;c!==n;){let $=rs(c).nextSibling;rs(e).insertBefore(c,s),c=$}}}return t},at=(i,a,t=i)=>(i._$AI(a,t),i),Zs={},ut=(i,a=Zs)=>i._$AH=a,ls=i=>i._$AH,Dt=i=>{i._$AR(),i._$AA.remove()};var ds=it(class extends W{constructor(){super(...arguments),this.key=l}render(i,a){return this.key=i,a}update(i,[a,t]){return a!==this.key&&(ut(i),this.key=a),t}});var _t=it(class extends W{constructor(i){if(super(i),i.type!==V.PROPERTY&&i.type!==V.ATTRIBUTE&&i.type!==V.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!os(i))throw Error("`live` bindings can only contain a single expression")}render(i){return i}update(i,[a]){if(a===j||a===l)return a;let t=i.element,e=i.name;if(i.type===V.PROPERTY){if(a===t[e])return j}else if(i.type===V.BOOLEAN_ATTRIBUTE){if(!!a===t.hasAttribute(e))return j}else if(i.type===V.ATTRIBUTE&&t.getAttribute(e)===a+"")return j;return ut(i),a}});var ps=(i,a,t)=>{let e=new Map;for(let s=a;s<=t;s++)e.set(i[s],s);return e},te=it(class extends W{constructor(i){if(super(i),i.type!==V.CHILD)throw Error("repeat() can only be used in text expressions")}dt(i,a,t){let e;t===void 0?t=a:a!==void 0&&(e=a);let s=[],n=[],o=0;for(let p of i)s[o]=e?e(p,o):o,n[o]=t(p,o),o++;return{values:n,keys:s}}render(i,a,t){return this.dt(i,a,t).values}update(i,[a,t,e]){let s=ls(i),{values:n,keys:o}=this.dt(a,t,e);if(!Array.isArray(s))return this.ut=o,n;let p=this.ut??=[],c=[],$,q,x=0,w=s.length-1,k=0,C=n.length-1;for(;x<=w&&k<=C;)if(s[x]===null)x++;else if(s[w]===null)w--;else if(p[x]===o[k])c[k]=at(s[x],n[k]),x++,k++;else if(p[w]===o[C])c[C]=at(s[w],n[C]),w--,C--;else if(p[x]===o[C])c[C]=at(s[x],n[C]),ht(i,c[C+1],s[x]),x++,C--;else if(p[w]===o[k])c[k]=at(s[w],n[k]),ht(i,s[x],s[w]),w--,k++;else if($===void 0&&($=ps(o,k,C),q=ps(p,x,w)),$.has(p[x]))if($.has(p[w])){let J=q.get(o[k]),Qt=J!==void 0?s[J]:null;if(Qt===null){let ge=ht(i,s[x]);at(ge,n[k]),c[k]=ge}else c[k]=at(Qt,n[k]),ht(i,s[x],Qt),s[J]=null;k++}else Dt(s[w]),w--;else Dt(s[x]),x++;for(;k<=C;){let J=ht(i,c[C+1]);at(J,n[k]),c[k++]=J}for(;x<=w;){let J=s[x++];J!==null&&Dt(J)}return this.ut=o,ut(i,c),j}});var ee=["lastfm","roon","home_assistant","listenbrainz","spotify","endpoint","aime_import","manual"],Mt=`${Q}/journal`,ti=["text","artist_id","album_id","source","loved","first_day","last_day"],cs=i=>i&&/^\d{1,15}$/.test(i)&&Number(i)>0?Number(i):void 0,ms=i=>i&&A(i)?i:void 0;function se(i){let a=new URLSearchParams(i),t=a.get("source"),e={text:a.get("text")?.trim().slice(0,200)||void 0,artist_id:cs(a.get("artist_id")),album_id:cs(a.get("album_id")),source:t&&ee.includes(t)?t:void 0,loved:["1","true"].includes(a.get("loved")??"")?!0:void 0,first_day:ms(a.get("first_day")),last_day:ms(a.get("last_day"))};return kt(e)}function ft(i){let a=new URLSearchParams,t=kt(i);for(let s of ti){let n=t[s];n!==void 0&&a.set(s,s==="loved"?"1":String(n))}let e=a.toString();return e?`${Mt}?${e}`:Mt}function kt(i){return Object.fromEntries(Object.entries(i).filter(([,a])=>a!==void 0&&a!==""&&a!==!1))}var ie=(i,a)=>ft(i)===ft(a),ae=i=>Object.keys(kt(i)).length>0,hs=i=>[Q,`${Q}/`,Mt,`${Mt}/`].includes(i);function us(i,a){let t=i.local_time.slice(0,10),e=a.person!==void 0&&i.person===void 0;return a.person!==void 0&&!e&&i.person!==a.person||a.artist_id!==void 0&&i.artist_id!==a.artist_id||a.album_id!==void 0&&i.album_id!==a.album_id||a.source!==void 0&&!i.sources.includes(a.source)||a.loved&&!i.loved||a.first_day!==void 0&&t<a.first_day||a.last_day!==void 0&&t>a.last_day?!1:a.text||e?void 0:!0}var Tt=50,ei=1e3,si=(i,a)=>i.played_at>a.played_at||i.played_at===a.played_at&&i.play_id>a.play_id,Ft=i=>!!(i.first_day&&i.last_day&&i.first_day>i.last_day),qt=class{constructor(a,t){this.host=a;this.hass=t;this.entries=[];this.total=0;this.status="loading";this.error="";this.refreshing=!1;this.loadingMore=!1;this.moreError="";this.exhausted=!1;this.fresh=new Set;this.pages=0;this.filter={};this.request=0;a.addController(this)}hostDisconnected(){clearTimeout(this.catchUpTimer)}async reload(a){let t=++this.request;if(this.filter=a,this.loadingMore=!1,this.moreError="",Ft(a))return Object.assign(this,{entries:[],total:0,status:"ready",exhausted:!0,refreshing:!1}),this.host.requestUpdate();this.status==="ready"&&this.entries.length?this.refreshing=!0:this.status="loading",this.host.requestUpdate();try{let e=await lt(this.hass(),a,0,Tt);if(t!==this.request)return;Object.assign(this,{entries:e.entries,total:e.total,pages:1,fresh:new Set,status:"ready"}),this.exhausted=e.entries.length<Tt||e.entries.length>=e.total}catch(e){let s=await _(this.hass(),e);if(t!==this.request)return;Object.assign(this,{error:s,status:"error"})}this.refreshing=!1,this.host.requestUpdate()}async loadMore(){if(this.status!=="ready"||this.refreshing||this.loadingMore||this.exhausted)return;let a=this.request;this.loadingMore=!0,this.moreError="",this.host.requestUpdate();try{let t=await lt(this.hass(),this.filter,this.pages,Tt);if(a!==this.request)return;let e=new Set(this.entries.map(s=>s.play_id));this.entries=[...this.entries,...t.entries.filter(s=>!e.has(s.play_id))],this.total=Math.max(t.total,this.entries.length),this.pages+=1,this.exhausted=t.entries.length<Tt||this.entries.length>=this.total}catch(t){let e=await _(this.hass(),t);if(a!==this.request)return;this.moreError=e}this.loadingMore=!1,this.host.requestUpdate()}onLiveEvent(a){if(this.status!=="ready"||Ft(this.filter))return;if(a.kind==="stats"){clearTimeout(this.catchUpTimer),this.catchUpTimer=setTimeout(()=>{this.catchUp()},ei);return}if(a.kind!=="play")return;let t=us(a.play,this.filter);t===void 0?this.catchUp():t&&this.insert([a.play])}async catchUp(){let a=this.request;try{let t=await lt(this.hass(),this.filter,0,Tt);a===this.request&&this.status==="ready"&&this.insert(t.entries,t.total)}catch{}}insert(a,t){let e=[...this.entries],s=[];for(let n of a){let o=e.findIndex(c=>c.play_id===n.play_id);if(o>=0){e[o]={...e[o],...n};continue}let p=e.findIndex(c=>si(n,c));p===-1&&!this.exhausted||(e.splice(p===-1?e.length:p,0,n),s.push(n.play_id))}this.entries=e,this.total=Math.max(t??this.total+s.length,e.length),s.length&&(this.fresh=new Set([...this.fresh,...s])),this.host.requestUpdate()}};var fs=new Map;function re(i,a){let t=i.locale?.language??i.language??"en",e=i.config?.time_zone,s=`${t}|${e}|${JSON.stringify(a)}`,n=fs.get(s);return n||(n=new Intl.DateTimeFormat(t,{...a,timeZone:e}),fs.set(s,n)),n}var St=(i,a)=>re(i,{timeStyle:"short"}).format(a*1e3),ne=(i,a)=>re(i,{hour:"numeric",minute:"2-digit"}).format(typeof a=="number"?a*1e3:Date.parse(a)),ys=(i,a)=>re(i,{dateStyle:"medium",timeStyle:"short"}).format(a*1e3),oe=(i,a)=>a==="manual"?h(i,"journal.source.manual"):h(i,`common.source.${a}`);function Ot(i){return r`<a class="artist" dir="auto" title=${i.artist} href=${L(i.artist_id)} @click=${b}
    >${i.artist}</a
  >`}function zt(i){return r`<a class="album" dir="auto" title=${i.album} href=${O(i.album_id)} @click=${b}
    >${i.album}</a
  >`}function jt(i,a){return r`<span class="badges"
    >${a.map(t=>r`<span class="badge" data-source=${t}>${oe(i,t)}</span>`)}</span
  >`}function Nt(i,a){if(!a)return l;let t=h(i,"common.loved");return r`<svg class="heart" viewBox="0 0 24 24" role="img" aria-label=${t} data-testid="loved">
    <title>${t}</title>
    <path d=${Lt} />
  </svg>`}var Ut=f`
  /* A play's text: its title's line over its artist's and album's. */
  .text {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .line {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px 1px 6px;
    border-radius: 999px;
    font-size: 0.75rem;
    line-height: 1.4;
    white-space: nowrap;
    color: var(--secondary-text-color);
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge::before {
    content: "";
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--aime-source-color, var(--secondary-text-color));
  }
  .badge[data-source="lastfm"] {
    --aime-source-color: #d51007;
  }
  .badge[data-source="roon"] {
    --aime-source-color: #4285f4;
  }
  .badge[data-source="home_assistant"] {
    --aime-source-color: #18bcf2;
  }
  .badge[data-source="listenbrainz"] {
    --aime-source-color: #eb743b;
  }
  .badge[data-source="spotify"] {
    --aime-source-color: #1db954;
  }
  .badge[data-source="endpoint"] {
    --aime-source-color: #6d4c41;
  }
  .badge[data-source="aime_import"] {
    --aime-source-color: #8e24aa;
  }
  .badge[data-source="manual"] {
    --aime-source-color: #43a047;
  }
  .heart {
    width: 18px;
    height: 18px;
    flex: none;
    fill: var(--error-color, #db4437);
  }
  a.artist,
  a.album {
    color: inherit;
  }
  a.artist:hover,
  a.album:hover {
    color: var(--primary-color);
  }
  .title {
    font-weight: 500;
  }
`;function vs(i,a){let{hass:t}=a;return r`<li class="row ${a.fresh?"fresh":""}" data-testid="journal-row" data-play-id=${i.play_id}>
    <aime-cover .src=${i.cover??null} .size=${a.narrow?40:48} label=${i.album}></aime-cover>
    <div class="text">
      <div class="line">
        <span class="title ellipsis" dir="auto" title=${i.title} data-testid="journal-title">${i.title}</span>
        ${Nt(t,i.loved)}
      </div>
      <div class="line muted">
        <span class="ellipsis">${Ot(i)} · ${zt(i)}</span>
      </div>
    </div>
    <div class="actions">
      ${gs(a,"artist",i.artist,{artist_id:i.artist_id})}
      ${gs(a,"album",i.album,{album_id:i.album_id})}
    </div>
    <div class="aside">
      <time datetime=${i.local_time} title=${ys(t,i.played_at)}
        >${St(t,i.played_at)}</time
      >
      <div class="where">
        ${i.device?r`<span class="device muted ellipsis">${i.device}</span>`:l}
        ${jt(t,i.sources)}
      </div>
    </div>
  </li>`}function gs(i,a,t,e){let s=h(i.hass,`journal.only_${a}`,{name:t});return r`<button
    class="filter-action"
    data-testid="journal-filter-${a}"
    aria-label=${s}
    title=${s}
    @click=${()=>i.filter(e)}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${_e} /></svg>${h(i.hass,`journal.filter_${a}`)}
  </button>`}var bs=f`
  :host {
    --aime-row-gap: 12px;
  }
  svg {
    fill: currentColor;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    padding: 12px;
    margin-bottom: 12px;
  }
  .search {
    position: relative;
    flex: 1 1 260px;
    display: flex;
    min-width: 0;
  }
  .search svg {
    position: absolute;
    left: 10px;
    top: 50%;
    width: 20px;
    height: 20px;
    transform: translateY(-50%);
    color: var(--secondary-text-color);
    pointer-events: none;
  }
  .search input {
    width: 100%;
    padding-left: 36px;
  }
  .field {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .field input,
  .field select {
    color: var(--primary-text-color);
  }
  .days {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    background: none;
  }
  .toggle svg {
    width: 18px;
    height: 18px;
    color: var(--secondary-text-color);
  }
  .toggle[aria-pressed="true"] {
    border-color: var(--error-color, #db4437);
    background: color-mix(in srgb, var(--error-color, #db4437) 12%, transparent);
  }
  .toggle[aria-pressed="true"] svg {
    color: var(--error-color, #db4437);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    margin: 0 4px 8px;
  }
  .total {
    margin-left: auto;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    min-width: 0;
    box-sizing: border-box;
    padding: 0 2px 0 12px;
    border-radius: 999px;
    background: color-mix(in srgb, var(--primary-color) 14%, transparent);
    border: 1px solid color-mix(in srgb, var(--primary-color) 40%, transparent);
    font-size: 0.875rem;
  }
  .chip button.icon {
    min-width: 28px;
    min-height: 28px;
    padding: 4px;
    display: inline-flex;
  }
  .chip svg {
    width: 16px;
    height: 16px;
  }
  button.link {
    background: none;
    border: none;
    color: var(--primary-color);
    padding: 4px 6px;
    min-height: 32px;
  }
  button.link:hover {
    text-decoration: underline;
  }
  .list {
    transition: opacity 0.2s;
  }
  .list.refreshing {
    opacity: 0.55;
  }
  .day {
    margin-bottom: 16px;
  }
  .day h3 {
    margin: 0 4px 6px;
    font-size: 0.95rem;
    font-weight: 500;
  }
  .day h3 .muted {
    font-weight: 400;
    margin-left: 6px;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 4px 0;
    overflow: hidden;
  }
  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto;
    align-items: center;
    gap: var(--aime-row-gap);
    padding: 8px 16px;
    border-bottom: 1px solid var(--divider-color, #eee);
    transition: background-color 0.15s;
  }
  .row:last-child {
    border-bottom: none;
  }
  .rows .row:hover,
  .rows .row:focus-within {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
  }
  .row.fresh {
    animation: aime-fresh 6s ease-out;
    box-shadow: inset 3px 0 0 var(--primary-color);
  }
  @keyframes aime-fresh {
    from {
      background: color-mix(in srgb, var(--primary-color) 28%, transparent);
    }
    to {
      background: transparent;
    }
  }
  .actions {
    display: flex;
    gap: 4px;
    opacity: 0;
    transition: opacity 0.15s;
  }
  .row:hover .actions,
  .row:focus-within .actions {
    opacity: 1;
  }
  .filter-action {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 30px;
    padding: 2px 8px;
    font-size: 0.8rem;
    background: none;
    color: var(--secondary-text-color);
  }
  .filter-action:hover {
    color: var(--primary-color);
    border-color: var(--primary-color);
  }
  .filter-action svg {
    width: 14px;
    height: 14px;
  }
  .aside {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 4px;
    min-width: 0;
    text-align: right;
  }
  .aside time {
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
  }
  .where {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    max-width: 260px;
  }
  .device {
    font-size: 0.8rem;
  }
  .end {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: 8px;
    padding: 16px;
  }
  .sentinel {
    height: 1px;
  }
  .state p {
    margin: 0 0 12px;
  }
  .state.empty {
    padding: 40px 24px;
  }
  @media (hover: none) {
    .actions {
      display: none;
    }
  }
  @media (max-width: 600px) {
    .filters {
      padding: 8px;
    }
    .search {
      flex-basis: 100%;
    }
    .days {
      flex: 1 1 100%;
    }
    .days .field {
      flex: 1 1 0;
      min-width: 0;
    }
    .days aime-date-input {
      flex: 1;
      min-width: 0;
    }
    .row {
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: 10px;
      padding: 8px 10px;
    }
    .actions {
      display: none;
    }
    .device {
      display: none;
    }
  }
  /* Skeleton rows while the first page loads. */
  .skeleton .heading {
    width: 140px;
    height: 16px;
    margin: 4px 4px 10px;
  }
  .skeleton .row {
    grid-template-columns: auto 1fr;
  }
  .skeleton .cover {
    width: 48px;
    height: 48px;
  }
  .skeleton .long {
    width: min(60%, 320px);
    height: 14px;
  }
  .skeleton .short {
    width: min(40%, 200px);
    height: 12px;
    margin-top: 6px;
  }
  @media (prefers-reduced-motion: reduce) {
    .row.fresh {
      animation: none;
    }
  }
`;var ii=3,ai=300,Bt=class extends H{constructor(){super(...arguments);this.filter={};this.feed=new qt(this,()=>this.hass);this.started=!1;this.names=new Map;this.text=new mt;this.onLocationChanged=()=>{if(!hs(location.pathname))return;let t=se(location.search);ie(t,this.filter)||(this.text.cancel(),this.filter=t,this.feed.reload(this.scoped(t)))};this.onlyThis=t=>{this.setFilter(t),window.scrollTo({top:0})}}static{this.styles=[v,Ut,bs]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocationChanged),window.addEventListener("popstate",this.onLocationChanged),this.filter=se(location.search),this.started&&this.feed.reload(this.scoped(this.filter))}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocationChanged),window.removeEventListener("popstate",this.onLocationChanged),this.text.cancel(),this.observer?.disconnect(),this.observer=this.observed=void 0}shouldUpdate(t){return!this.onlyStatesChanged(t)}willUpdate(t){super.willUpdate(t),!this.started&&this.hass?(this.started=!0,this.feed.reload(this.scoped(this.filter))):this.started&&this.personChanged(t)&&this.feed.reload(this.scoped(this.filter))}updated(){let t=this.renderRoot.querySelector(".sentinel")??void 0;t!==this.observed&&(this.observed&&this.observer?.unobserve(this.observed),this.observed=t,t&&(this.observer??=new IntersectionObserver(e=>{e.some(s=>s.isIntersecting)&&this.feed.loadMore()},{rootMargin:"600px 0px"}),this.observer.observe(t)))}onLiveEvent(t){this.feed.onLiveEvent(t)}scoped(t){return this.person?{...t,person:this.person}:t}setFilter(t,e=!1){this.text.cancel();let s=kt({...this.filter,...t});return ie(s,this.filter)?Promise.resolve():(this.filter=s,Y(ft(s),e),this.feed.reload(this.scoped(s)))}onText(t){let e=t.target.value.trim(),s=e.length>0&&e.length<ii?ai:0;this.text.run(()=>this.setFilter({text:e},!0),s)}onTextKey(t){t.key==="Enter"&&this.setFilter({text:t.target.value.trim()},!0)}onDay(t,e){let s=e.target.value;(s===""||A(s))&&this.setFilter({[t]:s||void 0})}clearFilters(){let t=this.renderRoot.querySelector("[data-testid=journal-search]");t&&(t.value=""),this.setFilter({text:void 0,artist_id:void 0,album_id:void 0,source:void 0,loved:void 0,first_day:void 0,last_day:void 0})}render(){return r`
      <h2 class="visually-hidden">${this.t("panel.nav.journal")}</h2>
      ${this.renderFilters()} ${this.renderSummary()}
      <div
        class="list ${this.feed.refreshing?"refreshing":""}"
        data-testid="journal-list"
        aria-busy=${this.feed.refreshing||this.feed.status==="loading"?"true":"false"}
      >
        ${this.renderBody()}
      </div>
    `}renderFilters(){let t=this.filter,e=dt(this.hass);return r`<div class="card filters" role="search">
      <label class="search">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ke} /></svg>
        <span class="visually-hidden">${this.t("journal.search_label")}</span>
        <input
          type="search"
          data-testid="journal-search"
          placeholder=${this.t("journal.search_placeholder")}
          .value=${t.text??""}
          maxlength="200"
          autocomplete="off"
          @input=${this.onText}
          @keydown=${this.onTextKey}
        />
      </label>
      <label class="field">
        <span class="visually-hidden">${this.t("journal.source_label")}</span>
        <select
          data-testid="journal-source"
          aria-label=${this.t("journal.source_label")}
          @change=${s=>this.setFilter({source:s.target.value||void 0})}
        >
          <option value="" .selected=${_t(!t.source)}>${this.t("journal.source_any")}</option>
          ${ee.map(s=>r`<option value=${s} .selected=${_t(t.source===s)}>${oe(this.hass,s)}</option>`)}
        </select>
      </label>
      <button
        class="toggle"
        data-testid="journal-loved"
        aria-pressed=${t.loved?"true":"false"}
        @click=${()=>this.setFilter({loved:t.loved?void 0:!0})}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Lt} /></svg>
        ${this.t("journal.loved_only")}
      </button>
      <div class="days">
        <label class="field"
          >${this.t("common.from")}
          <aime-date-input
            data-testid="journal-first-day"
            .hass=${this.hass}
            label=${this.t("common.from")}
            .value=${_t(t.first_day??"")}
            max=${t.last_day??e}
            @change=${s=>this.onDay("first_day",s)}
          ></aime-date-input
        ></label>
        <label class="field"
          >${this.t("common.to")}
          <aime-date-input
            data-testid="journal-last-day"
            .hass=${this.hass}
            label=${this.t("common.to")}
            .value=${_t(t.last_day??"")}
            min=${t.first_day??""}
            max=${e}
            @change=${s=>this.onDay("last_day",s)}
          ></aime-date-input
        ></label>
      </div>
    </div>`}renderSummary(){let t=this.filter,e=[t.artist_id!==void 0?this.chip("artist",this.nameOf("artist",t.artist_id),{artist_id:void 0}):l,t.album_id!==void 0?this.chip("album",this.nameOf("album",t.album_id),{album_id:void 0}):l],s=this.feed.entries.length,n=this.feed.status!=="ready"?"":s>=this.feed.total?this.t(this.feed.total===1?"journal.total_one":"journal.total_all",{total:u(this.hass,this.feed.total)}):this.t("journal.total",{shown:u(this.hass,s),total:u(this.hass,this.feed.total)});return r`<div class="summary">
      ${e}
      ${ae(t)?r`<button class="link" data-testid="journal-clear" @click=${this.clearFilters}>${this.t("journal.clear")}</button>`:l}
      <span class="total muted" data-testid="journal-total" data-total=${this.feed.total} role="status">${n}</span>
    </div>`}nameOf(t,e){let s=this.feed.entries.find(n=>(t==="artist"?n.artist_id:n.album_id)===e);return s&&this.names.set(`${t}:${e}`,t==="artist"?s.artist:s.album),this.names.get(`${t}:${e}`)??this.t("journal.unknown_name",{id:e})}chip(t,e,s){return r`<span class="chip" data-testid="journal-chip-${t}">
      <span class="ellipsis" dir="auto" title=${e}>${this.t(`journal.chip.${t}`,{name:e})}</span>
      <button
        class="icon"
        data-testid="journal-chip-remove"
        aria-label=${this.t("journal.chip.remove",{name:e})}
        title=${this.t("journal.chip.remove",{name:e})}
        @click=${()=>this.setFilter(s)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${we} /></svg>
      </button>
    </span>`}renderBody(){if(this.feed.status==="loading")return this.renderSkeleton();if(this.feed.status==="error")return r`<div class="card state error" role="alert" data-testid="error">
        <p>${this.t("common.error",{message:this.feed.error})}</p>
        <button @click=${()=>{this.feed.reload(this.scoped(this.filter))}}>${this.t("common.retry")}</button>
      </div>`;if(Ft(this.filter))return r`<div class="card state error" role="alert" data-testid="journal-range-error">${this.t("journal.bad_range")}</div>`;if(!this.feed.entries.length){let t=ae(this.filter);return r`<div class="card state empty" data-testid="journal-empty">
        <p>${this.t(t?"journal.no_match":"journal.empty")}</p>
        ${t?r`<button @click=${this.clearFilters}>${this.t("journal.clear")}</button>`:l}
      </div>`}return r`${te(this.groups(),([t])=>t,([t,e])=>r`<section class="day" data-testid="journal-day" data-day=${t}>
        <h3>${this.dayTitle(t)}</h3>
        <ol class="card rows">
          ${te(e,s=>s.play_id,s=>this.guardedRow(s))}
        </ol>
      </section>`)}
    ${this.renderEnd()}`}groups(){let t=new Map;for(let e of this.feed.entries){let s=e.local_time.slice(0,10),n=t.get(s);n?n.push(e):t.set(s,[e])}return[...t]}dayTitle(t){let e=dt(this.hass),s=t.slice(0,4)===e.slice(0,4),n=R(this.hass,t,{weekday:"long",day:"numeric",month:"long",...s?{}:{year:"numeric"}}),o=t===e?"journal.today":t===K(e,-1)?"journal.yesterday":"";return o?r`${this.t(o)} <span class="muted">${n}</span>`:n}guardedRow(t){let e=this.feed.fresh.has(t.play_id),s=this.hass;return as([t,e,this.narrow,s.locale,s.language,s.config?.time_zone],()=>vs(t,{hass:s,narrow:this.narrow,fresh:e,filter:this.onlyThis}))}renderEnd(){return this.feed.moreError?r`<div class="end error" role="alert">
        ${this.t("journal.more_error",{message:this.feed.moreError})}
        <button @click=${()=>{this.feed.loadMore()}}>${this.t("common.retry")}</button>
      </div>`:this.feed.exhausted?l:r`${ds(this.feed.pages,r`<div class="sentinel" aria-hidden="true"></div>`)}
      <div class="end muted" role="status">
        ${this.feed.loadingMore?this.t("journal.loading_more"):""}
        <button class="link" ?hidden=${this.feed.loadingMore} @click=${()=>{this.feed.loadMore()}}>
          ${this.t("journal.load_more")}
        </button>
      </div>`}renderSkeleton(){return r`<div class="skeleton" data-testid="loading" role="status" aria-label=${this.t("common.loading")}>
      <div class="bar heading placeholder"></div>
      <div class="card rows">
        ${Array.from({length:8},()=>r`<div class="row">
            <div class="bar cover placeholder"></div>
            <div class="text"><div class="bar long placeholder"></div><div class="bar short placeholder"></div></div>
          </div>`)}
      </div>
    </div>`}};d([m()],Bt.prototype,"filter",2);g("aime-journal",Bt);var xs=i=>D(i,"aime/playlists/list"),$s=(i,a)=>D(i,"aime/playlists/get",{playlist_id:a});var ws=["top_sessions","artist_correlations","artist_flow","time_based","complete_albums","rediscovery","ai_generated"],_s=["all","today","week","month","year","7d","30d","365d"],ks=["any","weekday","weekend"],Ts=["m3u","json","csv"],T={minTracks:5,maxTracks:100,defaultTracks:25,maxPrompt:1e3,maxName:255,defaultRediscoveryDays:90,maxRediscoveryDays:36500,maxSeed:2147483647},Ss=i=>`media-source://aime/playlist/${i}`,Et=i=>i?`/aime/playlists/${i}`:"/aime/playlists";function yt(i,a){let t=`playlists.algorithm.${a}`,e=h(i,t);return e===t?a:e}function Es(i,a){if(a==null)return"\u2013";let t=Math.round(a),e=Math.floor(t/3600),s=Math.floor(t%3600/60),n=String(t%60).padStart(2,"0");return e?`${u(i,e)}:${String(s).padStart(2,"0")}:${n}`:`${s}:${n}`}var Rs=(i,a,t)=>a==null?i:r`<a class="muted" dir="auto" title=${i} href=${t(a)} @click=${b}>${i}</a>`,M=class extends E{constructor(){super(...arguments);this.preview=!1;this.mode="view";this.busy=!1;this.format="m3u";this.changeError="";this.newName="";this.cancelOnEscape=t=>{t.key==="Escape"&&(this.mode="view")};this.confirmDelete=async()=>{this.changeError="",this.mode="confirm-delete",await this.updateComplete,this.renderRoot.querySelector("[data-testid=playlist-delete-cancel]")?.focus()};this.startRename=async()=>{this.newName=this.playlist.name,this.changeError="",this.mode="rename",await this.updateComplete,this.renderRoot.querySelector("#name")?.select()}}static{this.styles=[v,f`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: baseline;
        justify-content: space-between;
      }
      h2 {
        overflow-wrap: anywhere;
      }
      .badge {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 12px;
        font-size: 0.8125rem;
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
        color: var(--primary-color);
        white-space: nowrap;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 4px 0 12px;
      }
      .actions {
        display: flex;
        flex-direction: column;
        gap: 12px;
        padding: 12px 0;
        border-top: 1px solid var(--divider-color, #e0e0e0);
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      .action-row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .action-row > .label {
        min-width: 72px;
        color: var(--secondary-text-color);
        font-size: 0.875rem;
      }
      .spacer {
        flex: 1;
      }
      .danger {
        color: var(--error-color, #db4437);
      }
      button.danger-fill {
        background: var(--error-color, #db4437);
        border-color: var(--error-color, #db4437);
        color: #fff;
      }
      .confirm {
        padding: 12px;
        border-radius: 8px;
        border: 1px solid var(--error-color, #db4437);
      }
      .confirm p {
        margin: 0 0 8px;
      }
      .result {
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .result.done {
        color: var(--success-color, #43a047);
      }
      form.rename {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      form.rename input {
        flex: 1 1 220px;
      }
      ol.tracks {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
      }
      ol.tracks li {
        display: grid;
        grid-template-columns: 2.5em minmax(0, 1fr) auto;
        gap: 8px;
        align-items: center;
        padding: 8px 4px;
        border-bottom: 1px solid var(--divider-color, #eee);
      }
      ol.tracks li:last-child {
        border-bottom: none;
      }
      .position {
        color: var(--secondary-text-color);
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .track-title {
        font-weight: 500;
      }
      .length {
        color: var(--secondary-text-color);
        font-variant-numeric: tabular-nums;
      }
      .preview-note {
        margin: 12px 0 0;
      }
    `]}t(t,e){return h(this.hass,t,e)}willUpdate(t){let e=t.get("playlist");t.has("playlist")&&e?.id!==this.playlist?.id&&(this.mode="view",this.exported=void 0,this.changeError="")}render(){let t=this.playlist;return t?r`<article class="card" data-testid="playlist-detail" data-playlist-id=${t.id??""}>
      <header>
        <h2 class="name-heading" dir="auto" title=${t.name}>${t.name}</h2>
        <span class="badge">${yt(this.hass,t.algorithm)}</span>
      </header>
      ${this.renderFacts(t)} ${t.id?this.renderActions(t.id):l}
      ${this.preview?r`<p class="muted preview-note" role="status">
            ${this.t("playlists.preview_note",{count:t.tracks.length})}
          </p>`:l}
      ${t.tracks.length?r`<ol class="tracks" aria-label=${this.t("playlists.tracks")}>
            ${t.tracks.map((e,s)=>r`<li data-testid=${this.preview?"playlist-preview-track":"playlist-track"}>
                <span class="position">${e.position??s+1}</span>
                <span class="ellipsis">
                  <span class="track-title" dir="auto" title=${e.title}>${e.title}</span><br />
                  <span class="muted"
                    >${Rs(e.artist,e.artist_id,L)} ·
                    ${Rs(e.album,e.album_id,O)}</span
                  >
                </span>
                <span class="length">${Es(this.hass,e.duration)}</span>
              </li>`)}
          </ol>`:r`<p class="state">${this.t("playlists.no_tracks")}</p>`}
    </article>`:l}renderFacts(t){let e=t.track_count??t.tracks.length,s=t.total_duration??t.tracks.reduce((n,o)=>n+(o.duration??0),0);return r`<div class="facts muted">
      ${t.created_at?r`<span>${this.t("playlists.created",{date:I(this.hass,t.created_at)})}</span>`:l}
      <span>${this.t("playlists.track_count",{count:u(this.hass,e)})}</span>
      <span>${P(this.hass,s)}</span>
      ${t.unknown_durations?r`<span>${this.t("playlists.unknown_durations",{count:u(this.hass,t.unknown_durations)})}</span>`:l}
      ${t.unique_artists!==void 0?r`<span>${this.t("playlists.artist_count",{count:u(this.hass,t.unique_artists)})}</span>`:l}
      ${t.unique_albums!==void 0?r`<span>${this.t("playlists.album_count",{count:u(this.hass,t.unique_albums)})}</span>`:l}
    </div>`}renderActions(t){let e=vt(this.hass);return r`<div class="actions">
      <div class="action-row">
        <span class="label">${this.t("common.play_in")}</span>
        <aime-zone-picker
          data-testid="playlist-play"
          .hass=${this.hass}
          media-id=${Ss(t)}
          media-type="playlist"
        ></aime-zone-picker>
      </div>
      <div class="action-row">
        <label class="label" for="format">${this.t("playlists.export")}</label>
        <select
          id="format"
          data-testid="playlist-export-format"
          ?disabled=${!e}
          .value=${this.format}
          @change=${s=>this.format=s.target.value}
        >
          ${Ts.map(s=>r`<option value=${s} ?selected=${s===this.format}>${this.t(`playlists.format.${s}`)}</option>`)}
        </select>
        <button
          data-testid="playlist-export"
          ?disabled=${this.busy||!e}
          title=${e?this.t("playlists.export_hint"):this.t("common.admin_only")}
          @click=${()=>this.export(t)}
        >
          ${this.t("playlists.export_button")}
        </button>
        ${e?l:r`<span class="muted">${this.t("common.admin_only")}</span>`}
        ${this.exported?r`<span class="result ${this.exported.kind}" role=${this.exported.kind==="error"?"alert":"status"}
              data-testid="playlist-export-result">${this.exported.text}</span>`:l}
      </div>
      ${this.renderChange(t)}
    </div>`}renderChange(t){let e=this.changeError?r`<span class="result error" role="alert" data-testid="playlist-change-error">${this.changeError}</span>`:l;return this.mode==="rename"?r`<form
        class="rename"
        @submit=${s=>this.rename(s,t)}
        @keydown=${this.cancelOnEscape}
      >
        <label class="visually-hidden" for="name">${this.t("playlists.new_name")}</label>
        <input
          id="name"
          data-testid="playlist-rename-input"
          required
          maxlength=${T.maxName}
          .value=${this.newName}
          @input=${s=>this.newName=s.target.value}
        />
        <button class="primary" type="submit" data-testid="playlist-rename-save" ?disabled=${this.busy||!this.newName.trim()}>
          ${this.t("playlists.save")}
        </button>
        <button type="button" @click=${()=>this.mode="view"}>${this.t("playlists.cancel")}</button>
        ${e}
      </form>`:this.mode==="confirm-delete"?r`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${this.cancelOnEscape}>
        <p id="confirm-text">${this.t("playlists.delete_confirm",{name:this.playlist.name})}</p>
        <div class="action-row">
          <button class="danger-fill" data-testid="playlist-delete-confirm" ?disabled=${this.busy} @click=${()=>this.deletePlaylist(t)}>
            ${this.t("playlists.delete")}
          </button>
          <button data-testid="playlist-delete-cancel" @click=${()=>this.mode="view"}>${this.t("playlists.cancel")}</button>
          ${e}
        </div>
      </div>`:vt(this.hass)?r`<div class="action-row">
      <button data-testid="playlist-rename" @click=${this.startRename}>${this.t("playlists.rename")}</button>
      <span class="spacer"></span>
      <button class="danger" data-testid="playlist-delete" @click=${this.confirmDelete}>
        ${this.t("playlists.delete")}
      </button>
      ${e}
    </div>`:l}async export(t){this.busy=!0,this.exported=void 0;try{let e=await tt(this.hass,"export_playlist",{playlist_id:t,format:this.format},!0);this.exported={kind:"done",text:this.t("playlists.exported",{path:e?.path??""})}}catch(e){this.exported={kind:"error",text:await _(this.hass,e)}}finally{this.busy=!1}}async rename(t,e){t.preventDefault();let s=this.newName.trim();if(s){this.busy=!0;try{await tt(this.hass,"rename_playlist",{playlist_id:e,name:s},!0),this.mode="view",this.changeError="",this.fire("playlist-changed",{...this.playlist,name:s})}catch(n){this.changeError=await _(this.hass,n)}finally{this.busy=!1}}}async deletePlaylist(t){this.busy=!0;try{await tt(this.hass,"delete_playlist",{playlist_id:t}),this.mode="view",this.fire("playlist-deleted",t)}catch(e){this.changeError=await _(this.hass,e)}finally{this.busy=!1}}fire(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}};d([y({attribute:!1})],M.prototype,"hass",2),d([y({attribute:!1})],M.prototype,"playlist",2),d([y({type:Boolean})],M.prototype,"preview",2),d([m()],M.prototype,"mode",2),d([m()],M.prototype,"busy",2),d([m()],M.prototype,"format",2),d([m()],M.prototype,"exported",2),d([m()],M.prototype,"changeError",2),d([m()],M.prototype,"newName",2);g("aime-playlist-detail",M);var ri={algorithm:"top_sessions",max_tracks:String(T.defaultTracks),window:"all",name:"",prompt:"",hour:"",day_type:"any",rediscovery_days:String(T.defaultRediscoveryDays),seed:""};function Wt(i,a,t){if(!/^\d+$/.test(i.trim()))return;let e=Number(i);return e>=a&&e<=t?e:void 0}var nt=class extends E{constructor(){super(...arguments);this.fields={...ri};this.busy=!1;this.error="";this.cancel=()=>{this.dispatchEvent(new CustomEvent("generate-cancelled",{bubbles:!0,composed:!0}))};this.submit=async t=>{if(t.preventDefault(),this.busy)return;let e=this.request();if(typeof e=="string"){this.error=e;return}this.busy=!0,this.error="";try{let s=await tt(this.hass,"generate_playlist",e,!0);s&&this.dispatchEvent(new CustomEvent("playlist-generated",{detail:s,bubbles:!0,composed:!0}))}catch(s){this.error=await _(this.hass,s)}finally{this.busy=!1}}}static{this.styles=[v,Le,f`
      form {
        display: grid;
        gap: 12px 16px;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .hint {
        font-size: 0.8125rem;
        color: var(--secondary-text-color);
        margin: 0;
      }
      .submit {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    `]}t(t,e){return h(this.hass,t,e)}render(){let t=this.fields;return r`<form class="card" data-testid="playlist-generate-form" @submit=${this.submit} novalidate>
      <h3 class="wide">${this.t("playlists.generate_title")}</h3>
      <label class="wide">
        ${this.t("playlists.field.algorithm")}
        <select data-testid="playlist-algorithm" .value=${t.algorithm} @change=${this.set("algorithm")}>
          ${ws.map(e=>r`<option value=${e} ?selected=${e===t.algorithm}>
                ${yt(this.hass,e)}
              </option>`)}
        </select>
        <span class="hint" data-testid="playlist-algorithm-hint">${this.t(`playlists.algorithm_hint.${t.algorithm}`)}</span>
      </label>
      ${t.algorithm==="ai_generated"?r`<label class="wide">
            ${this.t("playlists.field.prompt")}
            <textarea
              data-testid="playlist-prompt"
              maxlength=${T.maxPrompt}
              placeholder=${this.t("playlists.prompt_placeholder")}
              .value=${t.prompt}
              @input=${this.set("prompt")}
            ></textarea>
          </label>`:l}
      <label>
        ${this.t("playlists.field.max_tracks")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-max-tracks"
          min=${T.minTracks}
          max=${T.maxTracks}
          .value=${t.max_tracks}
          @input=${this.set("max_tracks")}
        />
      </label>
      <label>
        ${this.t("playlists.field.window")}
        <select data-testid="playlist-window" .value=${t.window} @change=${this.set("window")}>
          ${_s.map(e=>r`<option value=${e} ?selected=${e===t.window}>${this.t(`playlists.window.${e}`)}</option>`)}
        </select>
      </label>
      ${t.algorithm==="time_based"?this.renderTimeFields():l}
      ${t.algorithm==="rediscovery"?r`<label>
            ${this.t("playlists.field.rediscovery_days")}
            <input
              type="number"
              inputmode="numeric"
              data-testid="playlist-rediscovery-days"
              min="1"
              max=${T.maxRediscoveryDays}
              .value=${t.rediscovery_days}
              @input=${this.set("rediscovery_days")}
            />
          </label>`:l}
      <label>
        ${this.t("playlists.field.name")}
        <input
          data-testid="playlist-name"
          maxlength=${T.maxName}
          placeholder=${this.t("playlists.name_placeholder")}
          .value=${t.name}
          @input=${this.set("name")}
        />
      </label>
      <label>
        ${this.t("playlists.field.seed")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-seed"
          min="0"
          max=${T.maxSeed}
          placeholder=${this.t("playlists.seed_placeholder")}
          .value=${t.seed}
          @input=${this.set("seed")}
        />
      </label>
      <div class="submit">
        <button class="primary" type="submit" data-testid="playlist-generate-submit" ?disabled=${this.busy}>
          ${this.busy?this.t("playlists.generating"):this.t("playlists.generate_submit")}
        </button>
        <button type="button" @click=${this.cancel}>${this.t("playlists.cancel")}</button>
        ${this.error?r`<span class="error" role="alert" data-testid="playlist-generate-error">${this.error}</span>`:l}
      </div>
    </form>`}renderTimeFields(){let t=this.fields;return r`<label>
        ${this.t("playlists.field.hour")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-hour"
          min="0"
          max="23"
          placeholder=${this.t("playlists.hour_placeholder")}
          .value=${t.hour}
          @input=${this.set("hour")}
        />
      </label>
      <label>
        ${this.t("playlists.field.day_type")}
        <select data-testid="playlist-day-type" .value=${t.day_type} @change=${this.set("day_type")}>
          ${ks.map(e=>r`<option value=${e} ?selected=${e===t.day_type}>${this.t(`playlists.day_type.${e}`)}</option>`)}
        </select>
      </label>`}set(t){return e=>{let s=e.target.value;this.fields={...this.fields,[t]:s},this.error=""}}request(){let t=this.fields,e=Wt(t.max_tracks,T.minTracks,T.maxTracks);if(e===void 0)return this.t("playlists.invalid.max_tracks",{min:T.minTracks,max:T.maxTracks});let s={algorithm:t.algorithm,max_tracks:e,window:t.window,name:t.name.trim()};if(t.seed.trim()&&(s.seed=Wt(t.seed,0,T.maxSeed),s.seed===void 0))return this.t("playlists.invalid.seed",{max:T.maxSeed});if(t.algorithm==="ai_generated"){if(!t.prompt.trim())return this.t("playlists.invalid.prompt");s.prompt=t.prompt.trim()}return t.algorithm==="time_based"&&(s.day_type=t.day_type,t.hour.trim()&&(s.hour=Wt(t.hour,0,23),s.hour===void 0))?this.t("playlists.invalid.hour"):t.algorithm==="rediscovery"&&(s.rediscovery_days=Wt(t.rediscovery_days,1,T.maxRediscoveryDays),s.rediscovery_days===void 0)?this.t("playlists.invalid.rediscovery_days",{max:T.maxRediscoveryDays}):N(s)}};d([y({attribute:!1})],nt.prototype,"hass",2),d([m()],nt.prototype,"fields",2),d([m()],nt.prototype,"busy",2),d([m()],nt.prototype,"error",2);g("aime-playlist-generator",nt);var ot=class extends H{constructor(){super(...arguments);this.list=S;this.generating=!1;this.previewId=null;this.detailRequest=0;this.onGenerated=t=>{let e=t.detail;this.generating=!1,this.previewId=e.id,this.detail={status:"ready",value:e},this.detailRequest++,this.loadList(!0),e.id&&Y(Et(e.id))};this.onChanged=t=>{this.detail={status:"ready",value:t.detail},this.loadList(!0)};this.onDeleted=()=>{this.detail=void 0,this.previewId=null,this.loadList(!0),Y(Et(),!0)}}static{this.styles=[v,f`
      .layout {
        display: grid;
        gap: 16px;
        grid-template-columns: minmax(280px, 380px) minmax(0, 1fr);
        align-items: start;
      }
      .back {
        display: none;
      }
      /* Phones: one column; an opened playlist replaces the list, the form comes first. */
      .layout.narrow {
        grid-template-columns: minmax(0, 1fr);
      }
      .layout.narrow.selected .list-pane,
      .layout.narrow .hint-card {
        display: none;
      }
      .layout.narrow .detail-pane {
        order: -1;
      }
      .layout.narrow.selected .back {
        display: inline;
      }
      @media (max-width: 759px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .layout.selected .list-pane,
        .hint-card {
          display: none;
        }
        .detail-pane {
          order: -1;
        }
        .layout.selected .back {
          display: inline;
        }
      }
      .pane {
        display: flex;
        flex-direction: column;
        gap: 16px;
        min-width: 0;
      }
      .list-card {
        padding: 0;
        overflow: hidden;
      }
      .list-card > header {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 16px 16px 8px;
      }
      .list-card h2 {
        margin: 0;
        flex: 1;
      }
      ul.rows {
        list-style: none;
        margin: 0;
        padding: 0 0 8px;
      }
      a.row {
        display: grid;
        grid-template-columns: 40px minmax(0, 1fr) auto;
        gap: 12px;
        align-items: center;
        padding: 10px 16px;
        color: inherit;
        text-decoration: none;
        border-left: 3px solid transparent;
      }
      a.row:hover {
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
        text-decoration: none;
      }
      a.row[aria-current="page"] {
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.12);
        border-left-color: var(--primary-color);
      }
      a.row:focus-visible {
        outline-offset: -2px;
      }
      .icon-disc {
        width: 40px;
        height: 40px;
        border-radius: 8px;
        display: flex;
        align-items: center;
        justify-content: center;
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
        color: var(--primary-color);
      }
      .icon-disc svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
      .name {
        font-weight: 500;
      }
      .figures {
        text-align: right;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        padding: 24px 16px 32px;
        text-align: center;
        color: var(--secondary-text-color);
      }
      .empty p {
        margin: 0 0 12px;
      }
      .skeleton {
        display: grid;
        grid-template-columns: 40px 1fr;
        gap: 12px;
        padding: 10px 16px;
      }
      .skeleton span {
        display: block;
      }
      .skeleton .bar {
        height: 14px;
        margin: 4px 0;
      }
      a.back {
        align-self: flex-start;
      }
      .hint-card {
        text-align: center;
        color: var(--secondary-text-color);
        padding: 32px 16px;
      }
    `]}get selectedId(){let t=Number(this.params?.id);return Number.isInteger(t)&&t>0?t:null}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.loadList(),this.hass&&this.selectedId!==this.openedId&&this.openSelected()}loadList(t=!1){return this.load(()=>xs(this.hass).then(e=>e.playlists),e=>this.list=e,t)}openSelected(t=!1){let e=this.selectedId;if(this.openedId=e,e===null){this.detail=void 0,this.detailRequest++;return}if((this.detail?.status==="ready"?this.detail.value.id:void 0)===e&&!t)return;e!==this.previewId&&(this.previewId=null);let n=++this.detailRequest;this.load(()=>$s(this.hass,e),o=>{n===this.detailRequest&&(this.detail=o)},t)}onLiveEvent(t){t.kind==="playlists"&&(this.loadList(!0),this.selectedId!==null&&this.openSelected(!0))}render(){let t=this.selectedId,e=`layout${this.narrow?" narrow":""}${t===null?"":" selected"}`;return r`<div class=${e} data-testid="view-playlists">
      <div class="pane list-pane">${this.renderList(t)}</div>
      <div class="pane detail-pane">
        <a class="back" href=${Et()} @click=${b} data-testid="playlist-back"
          >← ${this.t("playlists.all")}</a
        >
        ${this.renderGenerator()} ${this.renderDetail(t)}
      </div>
    </div>`}renderGenerator(){return this.generating?r`<aime-playlist-generator
      .hass=${this.hass}
      @playlist-generated=${this.onGenerated}
      @generate-cancelled=${()=>this.generating=!1}
    ></aime-playlist-generator>`:l}renderList(t){return r`<section class="card list-card" aria-labelledby="playlists-title">
      <header>
        <h2 id="playlists-title">${this.t("playlists.title")}</h2>
        <button
          class="primary"
          data-testid="playlist-generate"
          aria-expanded=${this.generating?"true":"false"}
          @click=${()=>this.generating=!this.generating}
        >
          ${this.t("playlists.generate")}
        </button>
      </header>
      ${this.list.status==="loading"?r`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0,1,2,3].map(()=>r`<div class="skeleton"><span class="placeholder" style="height:40px"></span><div><span class="bar placeholder" style="width:70%"></span><span class="bar placeholder" style="width:45%"></span></div></div>`)}
          </div>`:this.renderLoad(this.list,e=>this.renderRows(e,t),()=>this.loadList())}
    </section>`}renderRows(t,e){return t.length?r`<ul class="rows">
      ${t.map(s=>r`<li>
          <a
            class="row"
            href=${Et(s.id)}
            data-testid="playlist-row"
            data-playlist-id=${s.id}
            aria-current=${s.id===e?"page":"false"}
            @click=${b}
          >
            <span class="icon-disc" aria-hidden="true"><svg viewBox="0 0 24 24"><path d=${Ee} /></svg></span>
            <span class="ellipsis">
              <span class="name" dir="auto" title=${s.name}>${s.name}</span><br />
              <span class="muted"
                >${yt(this.hass,s.algorithm)} ·
                ${I(this.hass,s.created_at,{dateStyle:"medium"})}</span
              >
            </span>
            <span class="figures muted">
              ${this.t("playlists.track_count",{count:u(this.hass,s.track_count)})}<br />
              ${P(this.hass,s.total_duration)}
            </span>
          </a>
        </li>`)}
    </ul>`:r`<div class="empty" data-testid="playlists-empty">
        <p>${this.t("playlists.empty")}</p>
        ${this.generating?l:r`<button class="primary" @click=${()=>this.generating=!0}>${this.t("playlists.generate_first")}</button>`}
      </div>`}renderDetail(t){return t===null?this.list.status==="ready"&&!this.list.value.length||this.generating?l:r`<div class="card hint-card" data-testid="playlist-hint">${this.t("playlists.choose")}</div>`:this.detail?this.detail.status==="loading"?r`<div class="card"><div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div></div>`:r`${this.renderLoad(this.detail,e=>r`<aime-playlist-detail
        .hass=${this.hass}
        .playlist=${e}
        ?preview=${e.id===this.previewId}
        @playlist-changed=${this.onChanged}
        @playlist-deleted=${this.onDeleted}
      ></aime-playlist-detail>`,()=>this.openSelected())}`:l}};d([m()],ot.prototype,"list",2),d([m()],ot.prototype,"detail",2),d([m()],ot.prototype,"generating",2),d([m()],ot.prototype,"previewId",2);g("aime-playlists",ot);function Gt(i,a="short"){let t=new Intl.DateTimeFormat(i.locale?.language??i.language,{weekday:a,timeZone:"UTC"});return Array.from({length:7},(e,s)=>t.format(new Date(Date.UTC(2024,0,1+s))))}function de(i,a){return new Intl.DateTimeFormat(i.locale?.language??i.language,{hour:"numeric",timeZone:"UTC"}).format(new Date(Date.UTC(2024,0,1,a)))}function Ls(i,a,t,e=!1){if(t==="month")return R(i,a,{month:e?"long":"short",year:"numeric"});let s=R(i,a,e?{dateStyle:"medium"}:{day:"numeric",month:"short"});return t==="week"&&e?h(i,"stats.week_of",{date:s}):s}var le=i=>({axisLabel:{color:i.secondaryText},axisLine:{lineStyle:{color:i.divider}},axisTick:{lineStyle:{color:i.divider}},splitLine:{lineStyle:{color:i.divider,opacity:.6}}}),Ps=i=>Math.round(i/360)/10;function Hs(i,a,t,e,s){let n=h(i,"stats.plays"),o=h(i,"stats.series_hours");return{grid:{left:8,right:8,top:40,bottom:8,containLabel:!0},legend:{top:0,textStyle:{color:a.text},data:[n,o]},tooltip:{trigger:"axis",axisPointer:{type:"shadow"},formatter:p=>{let c=t[p[0]?.dataIndex??0];return c?[Ls(i,c.start,e,!0),`${n}: ${u(i,c.plays)}`,`${o}: ${u(i,Ps(c.listening_seconds))}`].join(`
`):""}},xAxis:{type:"category",data:t.map(p=>Ls(i,p.start,e)),...le(a),axisLabel:{color:a.secondaryText,hideOverlap:!0,fontSize:s?10:12}},yAxis:[{type:"value",minInterval:1,...le(a)},{type:"value",...le(a),splitLine:{show:!1}}],series:[{name:n,type:"bar",data:t.map(p=>p.plays),itemStyle:{color:a.primary,borderRadius:[3,3,0,0]},barMaxWidth:28},{name:o,type:"line",yAxisIndex:1,data:t.map(p=>Ps(p.listening_seconds)),itemStyle:{color:a.accent},lineStyle:{width:2},symbol:t.length>60?"none":"circle",smooth:!0}]}}function Cs(i,a,t,e){let s=Gt(i),n=Gt(i,"long"),o=t.flatMap((c,$)=>c.map((q,x)=>[x,$,q])),p=Math.max(1,...o.map(c=>c[2]));return{grid:{left:4,right:8,top:8,bottom:48,containLabel:!0},tooltip:{formatter:c=>h(i,"stats.heatmap_cell",{weekday:n[c.value[1]],hour:de(i,c.value[0]),plays:u(i,c.value[2])})},xAxis:{type:"category",data:Array.from({length:24},(c,$)=>String($)),splitArea:{show:!1},axisLabel:{color:a.secondaryText,interval:e?3:1,fontSize:e?10:12},axisLine:{show:!1},axisTick:{show:!1}},yAxis:{type:"category",data:s,inverse:!0,axisLabel:{color:a.secondaryText},axisLine:{show:!1},axisTick:{show:!1}},visualMap:{min:0,max:p,calculable:!1,orient:"horizontal",left:"center",bottom:0,itemHeight:e?120:180,itemWidth:10,textStyle:{color:a.secondaryText},inRange:{color:[a.divider,a.primary]}},series:[{type:"heatmap",data:o,itemStyle:{borderColor:a.background,borderWidth:2,borderRadius:3},emphasis:{itemStyle:{borderColor:a.text,borderWidth:1}}}]}}var pe=(i,a)=>a===1?h(i,"stats.one_play"):h(i,"common.plays",{count:u(i,a)});function ni(i,a){let t=r`<span class="name ellipsis" dir="auto" title=${a.name}>${a.name}</span>`;if(i==="artists"&&a.id!==void 0)return r`<a class="name ellipsis" dir="auto" href=${L(a.id)} @click=${b} title=${a.name}
      >${a.name}</a
    >`;let e=i==="albums"?a.id:i==="tracks"?a.album_id:void 0;return e!=null?r`<a class="name ellipsis" dir="auto" href=${O(e)} @click=${b} title=${a.name}
      >${a.name}</a
    >`:t}function oi(i){return i.artist?i.artist_id===void 0||i.artist_id===null?r`<span class="artist muted ellipsis" dir="auto" title=${i.artist}>${i.artist}</span>`:r`<a class="artist muted ellipsis" dir="auto" title=${i.artist} href=${L(i.artist_id)} @click=${b}
    >${i.artist}</a
  >`:l}function li(i,a,t,e,s){let n=Math.max(2,Math.round(t.plays/s*100));return r`<li class="top-row" data-testid="stats-top-row">
    <span class="rank" aria-hidden="true">${e}</span>
    ${a==="albums"?r`<aime-cover .src=${t.cover??null} .label=${t.name} size="40"></aime-cover>`:l}
    <div class="top-main">
      <div class="top-text">
        ${ni(a,t)}
        ${oi(t)}
      </div>
      <div class="bar" aria-hidden="true"><span style="width:${n}%"></span></div>
    </div>
    <span class="count">${pe(i,t.plays)}</span>
  </li>`}function Rt(i,a,t,e){let s=Math.max(1,...t.map(n=>n.plays));return r`<section class="card top" data-testid="stats-top-${a}">
    <h3>${h(i,`stats.top_${a}`)}</h3>
    ${e?r`<p class="muted hint">${e}</p>`:l}
    ${t.length?r`<ol class="ranked">
          ${t.map((n,o)=>li(i,a,n,o+1,s))}
        </ol>`:r`<p class="muted empty">${h(i,"stats.top_empty")}</p>`}
  </section>`}var Is=f`
  .top ol.ranked li {
    gap: 10px;
    padding: 6px 0;
  }
  .top ol.ranked li:last-child {
    border-bottom: none;
  }
  .rank {
    flex: none;
    width: 1.5em;
    text-align: right;
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }
  .top-main {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .top-text {
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-width: 0;
  }
  .top-text .name {
    flex: 0 1 auto;
  }
  /* The artist keeps up to half the line, however long the name beside it. */
  .top-text .artist {
    flex: 1 0 auto;
    max-width: 50%;
  }
  .bar {
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color, rgba(127, 127, 127, 0.2));
    overflow: hidden;
  }
  .bar span {
    display: block;
    height: 100%;
    border-radius: 2px;
    background: var(--primary-color);
  }
  .count {
    flex: none;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    margin: -4px 0 8px;
  }
`,As=24,di=60,gt=class extends E{constructor(){super(...arguments);this.artists=[];this.shown=As;this.showMore=()=>{this.shown+=di}}static{this.styles=[v,f`
      :host {
        display: block;
      }
      ul.plain {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        column-gap: 16px;
      }
      ul.plain li {
        flex-direction: column;
        align-items: flex-start;
        gap: 0;
      }
      ul.plain li a {
        max-width: 100%;
      }
      .more {
        margin-top: 12px;
      }
    `]}willUpdate(t){t.has("artists")&&(this.shown=As)}render(){let t=this.artists.slice(0,this.shown),e=this.artists.length-t.length;return r`<ul class="plain">
        ${t.map(s=>r`<li data-testid="stats-new-artist">
            <a class="ellipsis" dir="auto" href=${L(s.id)} @click=${b} title=${s.name}
              >${s.name}</a
            >
            <span class="muted"
              >${h(this.hass,"stats.first_played",{date:I(this.hass,s.first_played,{dateStyle:"medium"})})}</span
            >
          </li>`)}
      </ul>
      ${e>0?r`<button class="more" data-testid="stats-new-artists-more" @click=${this.showMore}>
            ${h(this.hass,"stats.show_more",{count:u(this.hass,e)})}
          </button>`:l}`}updated(){let t=this.renderRoot.querySelector(".more");this.observer?.disconnect(),t&&(this.observer??=new IntersectionObserver(e=>{e.some(s=>s.isIntersecting)&&this.showMore()}),this.observer.observe(t))}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect(),this.observer=void 0}};d([y({attribute:!1})],gt.prototype,"hass",2),d([y({attribute:!1})],gt.prototype,"artists",2),d([m()],gt.prototype,"shown",2);g("aime-stats-new-artists",gt);var pi=["7d","30d","365d","all"],ci=["day","week","month"],mi="30d";function Ds(i,a){return i&&a&&A(i)&&A(a)&&i<=a?{first_day:i,last_day:a}:void 0}function ce(i,a){let t=new URLSearchParams(a),e=Ds(t.get("first_day"),t.get("last_day")),s=t.get("window"),n=e?{window:"custom",...e}:Ct(i,s&&pi.includes(s)?s:mi),o=t.get("granularity");return{period:n,granularity:o&&ci.includes(o)?o:void 0,compareWith:Ds(t.get("compare_first"),t.get("compare_last"))}}function me(i){let{period:a}=i,t=new URLSearchParams;return a.window==="custom"&&a.first_day?(t.set("first_day",a.first_day),t.set("last_day",a.last_day)):t.set("window",a.window),i.granularity&&t.set("granularity",i.granularity),i.compareWith&&(t.set("compare_first",i.compareWith.first_day),t.set("compare_last",i.compareWith.last_day)),`?${t.toString()}`}function Ms(i){if(!i.first_day)return"month";let a=bt(i.first_day,i.last_day);return a<=31?"day":a<=366?"week":"month"}function he(i){let a=bt(i.first_day,i.last_day);return{first_day:K(i.first_day,-a),last_day:K(i.first_day,-1)}}var hi=5,ui=300,F=class extends E{constructor(){super(...arguments);this.allTime=!1;this.revision=0;this.customMode=!1;this.request=0}static{this.styles=[v,f`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin-bottom: 12px;
      }
      .modes {
        display: inline-flex;
        gap: 4px;
        flex-wrap: wrap;
      }
      .modes button[aria-pressed="true"] {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border-color: var(--primary-color);
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
      }
      /* minmax(0, …): a column is as wide as its share, whatever the names in it. */
      .sides {
        display: grid;
        gap: 16px;
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      @media (max-width: 600px) {
        .sides {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .side {
        min-width: 0;
      }
      .side h4 {
        margin: 0;
        font-weight: 500;
      }
      .side .dates {
        margin-bottom: 8px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 12px;
        margin: 0 0 12px;
        align-items: baseline;
      }
      dt {
        color: var(--secondary-text-color);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: baseline;
      }
      .change {
        font-size: 0.8rem;
        padding: 1px 6px;
        border-radius: 10px;
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
        color: var(--secondary-text-color);
        white-space: nowrap;
      }
      .change.up {
        color: var(--success-color, #43a047);
      }
      .change.down {
        color: var(--error-color, #db4437);
      }
      ol.ranked {
        counter-reset: rank;
      }
      ol.ranked li::before {
        counter-increment: rank;
        content: counter(rank);
        color: var(--secondary-text-color);
        width: 1.5em;
        text-align: right;
        flex: none;
      }
      ol.ranked li a {
        flex: 1 1 0;
      }
      ol.ranked li:last-child {
        border-bottom: none;
      }
      .plays {
        color: var(--secondary-text-color);
        font-size: 0.875rem;
        flex: none;
      }
      .busy {
        opacity: 0.6;
        transition: opacity 0.2s;
      }
    `]}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.typingTimer)}t(t,e){return h(this.hass,t,e)}get other(){return this.custom?this.compareWith:this.current&&!this.allTime?he(this.current):void 0}get startingRange(){if(this.current)return this.allTime?this.current:he(this.current)}get custom(){return this.customMode||!!this.compareWith||this.allTime}willUpdate(t){t.has("compareWith")&&this.compareWith&&(this.customMode=!0),["current","compareWith","allTime","revision","customMode","person"].some(e=>t.has(e))&&this.fetch(t.has("revision")&&!t.has("current"))}async fetch(t){let e=++this.request,s=this.current,n=this.other;if(t||(this.result=void 0),this.error=void 0,!(!s||!n))try{let o=await ze(this.hass,s,n,hi,this.person);e===this.request&&(this.result=o)}catch(o){let p=await _(this.hass,o);e===this.request&&!t&&(this.error=p)}}render(){let t=this.other;return r`<section class="card" data-testid="stats-compare">
      <h3>${this.t("stats.compare")}</h3>
      <div class="controls">
        <span class="muted">${this.t("stats.compare_with")}</span>
        ${this.allTime?l:r`<div class="modes" role="group" aria-label=${this.t("stats.compare_with")}>
              <button
                data-testid="stats-compare-previous"
                aria-pressed=${this.custom?"false":"true"}
                @click=${()=>this.choose(void 0)}
              >
                ${this.t("stats.compare.previous")}
              </button>
              <button
                data-testid="stats-compare-custom"
                aria-pressed=${this.custom?"true":"false"}
                @click=${()=>this.choose(this.compareWith??this.startingRange,!0)}
              >
                ${this.t("stats.compare.custom")}
              </button>
            </div>`}
        ${this.custom?this.renderRangeInputs():l}
      </div>
      ${this.allTime&&!t?r`<p class="muted">${this.t("stats.compare_all")}</p>`:l}
      ${this.error?r`<p class="error" role="alert">${this.t("common.error",{message:this.error})}</p>`:l}
      ${t&&!this.error?this.renderResult():l}
    </section>`}renderRangeInputs(){let t=this.compareWith;return r`<label
        >${this.t("common.from")}
        <aime-date-input
          data-testid="stats-compare-first"
          .hass=${this.hass}
          label=${this.t("common.from")}
          .value=${t?.first_day??""}
          max=${t?.last_day??""}
          @change=${e=>this.setDay("first_day",e)}
        ></aime-date-input
      ></label>
      <label
        >${this.t("common.to")}
        <aime-date-input
          data-testid="stats-compare-last"
          .hass=${this.hass}
          label=${this.t("common.to")}
          .value=${t?.last_day??""}
          min=${t?.first_day??""}
          @change=${e=>this.setDay("last_day",e)}
        ></aime-date-input
      ></label>`}renderResult(){let t=this.result;return t?r`<div class="sides">
      ${this.renderSide(this.t("stats.compare_current"),t.current,t)}
      ${this.renderSide(this.t("stats.compare_other"),t.previous)}
    </div>`:r`<div class="state" role="status">${this.t("common.loading")}</div>`}renderSide(t,e,s){let n=this.hass;return r`<div class="side" data-testid=${s?"stats-compare-current":"stats-compare-other"}>
      <h4>${t}</h4>
      <div class="muted dates">
        ${this.t("stats.range",{first:R(n,e.first_day),last:R(n,e.last_day)})}
      </div>
      <dl>
        <dt>${this.t("stats.plays")}</dt>
        <dd>
          <span data-testid="stats-compare-plays">${u(n,e.plays)}</span>
          ${s?this.renderChange(s.plays_change,e.plays):l}
        </dd>
        <dt>${this.t("stats.listening")}</dt>
        <dd>
          ${P(n,e.listening_seconds)}
          ${s?this.renderChange(s.listening_change,e.listening_seconds):l}
        </dd>
        <dt>${this.t("stats.unique_artists")}</dt>
        <dd>
          ${u(n,e.unique_artists)}
          ${s?this.renderChange(s.unique_artists_change,e.unique_artists):l}
        </dd>
      </dl>
      <h4 class="muted">${this.t("stats.compare_top")}</h4>
      ${e.top_artists.length?r`<ol class="ranked">
            ${e.top_artists.map(o=>r`<li>
                <a class="ellipsis" dir="auto" href=${L(o.id)} @click=${b} title=${o.name}
                  >${o.name}</a
                >
                <span class="plays">${pe(n,o.plays)}</span>
              </li>`)}
          </ol>`:r`<p class="muted">${this.t("stats.top_empty")}</p>`}
    </div>`}renderChange(t,e){if(t===null)return e>0?r`<span class="change up" data-testid="stats-change">${this.t("stats.change_new")}</span>`:r`${l}`;let s=new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"percent",maximumFractionDigits:1,signDisplay:"exceptZero"}).format(t/100),n=t>0?"up":t<0?"down":"none",o=n==="none"?this.t("stats.change_none"):this.t(`stats.change_${n}`,{change:s.replace(/^[+\-\u2212]/,"")});return r`<span class="change ${n}" data-testid="stats-change" title=${o}
      ><span aria-hidden="true">${s}</span><span class="visually-hidden">${o}</span></span
    >`}setDay(t,e){let s=e.target.value;if(!A(s))return;let n=this.typed??this.compareWith??this.startingRange;if(!n)return;let o=t==="first_day"?{first_day:s,last_day:s>n.last_day?s:n.last_day}:{first_day:s<n.first_day?s:n.first_day,last_day:s};this.typed=o,clearTimeout(this.typingTimer),this.typingTimer=setTimeout(()=>this.choose(o,!0),ui)}choose(t,e=!1){clearTimeout(this.typingTimer),this.typed=void 0,this.customMode=e,this.dispatchEvent(new CustomEvent("compare-changed",{detail:t,bubbles:!0,composed:!0}))}};d([y({attribute:!1})],F.prototype,"hass",2),d([y({attribute:!1})],F.prototype,"current",2),d([y({type:Boolean})],F.prototype,"allTime",2),d([y({attribute:!1})],F.prototype,"compareWith",2),d([y({attribute:!1})],F.prototype,"person",2),d([y({type:Number})],F.prototype,"revision",2),d([m()],F.prototype,"result",2),d([m()],F.prototype,"error",2),d([m()],F.prototype,"customMode",2);g("aime-stats-compare",F);var fi=i=>!!(i&&typeof i=="object"&&i.code==="unknown_command");async function Fs(i,a,t,e,s){let n=a.window==="all"?void 0:a.first_day;try{return{...await Oe(i,{first_day:n,last_day:a.last_day,granularity:t,top:e,person:s}),partial:!1}}catch(p){if(!fi(p)||a.window==="custom")throw p}return{...await qe(i,a.window,e,s),granularity:t,top_genres:[],new_artists:[],series:[],partial:!0}}var ue=(i,a)=>a===1?h(i,"stats.day"):h(i,"stats.days",{count:u(i,a)});function G(i,a,t,e){return r`<div class="tile" data-testid=${e??l}>
    <span class="tile-label">${i}</span>
    <span class="tile-value" data-testid=${e?`${e}-value`:l}>${a}</span>
    ${t?r`<span class="tile-detail">${t}</span>`:l}
  </div>`}function qs(i,a){let t=(n,o)=>h(i,n,o),{sessions:e}=a,s=bt(a.first_day,a.last_day);return r`<section class="figures" aria-label=${t("stats.figures")}>
    ${G(t("stats.plays"),u(i,a.plays),void 0,"stats-plays")}
    ${G(t("stats.listening"),P(i,a.listening_seconds),a.estimated_plays?t("stats.estimated",{count:u(i,a.estimated_plays)}):void 0,"stats-listening")}
    ${G(t("stats.active_days"),u(i,a.active_days),t("stats.active_days_of",{days:u(i,s)}),"stats-active-days")}
    ${G(t("stats.longest_streak"),ue(i,a.longest_streak),void 0,"stats-longest-streak")}
    ${G(t("stats.unique_artists"),u(i,a.unique_artists),void 0,"stats-unique-artists")}
    ${G(t("stats.unique_albums"),u(i,a.unique_albums),void 0,"stats-unique-albums")}
    ${G(t("stats.unique_tracks"),u(i,a.unique_tracks),void 0,"stats-unique-tracks")}
    ${G(t("stats.sessions"),u(i,e.count),e.count?t("stats.sessions_detail",{average:P(i,e.average_seconds),longest:P(i,e.longest_seconds)}):void 0,"stats-sessions")}
  </section>`}function fe(i,a){let t=(e,s)=>h(i,e,s);return a?r`<section class="card streaks" data-testid="stats-streaks">
    <h3>${t("stats.streaks")}</h3>
    ${a.longest?r`<div class="streak-tiles">
          ${G(t("stats.streak_current"),ue(i,a.current),void 0,"stats-streak-current")}
          ${G(t("stats.streak_longest"),ue(i,a.longest),a.longest_first&&a.longest_last?t("stats.streak_span",{first:R(i,a.longest_first),last:R(i,a.longest_last)}):void 0,"stats-streak-longest")}
        </div>`:r`<p class="muted">${t("stats.streak_none")}</p>`}
  </section>`:r`${l}`}var Os=f`
  .figures {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
  @media (max-width: 640px) {
    .figures {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 8px;
    }
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 12px 16px;
    min-width: 0;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
  }
  .streak-tiles .tile {
    border: none;
    padding: 4px 0;
    background: none;
  }
  .tile-label {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .tile-value {
    font-size: 1.6rem;
    font-weight: 500;
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .tile-detail {
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  .streak-tiles {
    display: grid;
    gap: 8px;
    grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
  }
`;var zs=f`
  .view {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .toolbar {
    margin: 0;
    justify-content: space-between;
  }
  .range {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .updating {
    font-size: 0.8rem;
    color: var(--secondary-text-color);
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: 16px;
    transition: opacity 0.2s;
  }
  .content.busy {
    opacity: 0.55;
  }
  .columns {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    align-items: start;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .tops {
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
    align-items: start;
  }
  @media (max-width: 900px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 8px;
  }
  .card-head h3 {
    margin: 0;
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    overflow: hidden;
  }
  .segmented button {
    border: none;
    border-radius: 0;
    background: none;
    min-height: 32px;
    padding: 4px 12px;
  }
  .segmented button + button {
    border-left: 1px solid var(--divider-color, #ccc);
  }
  .segmented button[aria-pressed="true"] {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  .segmented button:hover:not([aria-pressed="true"]) {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .note {
    margin: 4px 0 0;
  }
  .empty-state {
    padding: 32px 16px;
    text-align: center;
    color: var(--secondary-text-color);
  }
  .skeleton {
    border-radius: var(--ha-card-border-radius, 12px);
  }
  .skeleton.tile-shape {
    height: 84px;
  }
  .skeleton.chart-shape {
    height: 280px;
  }
`;var yi=10,gi=["day","week","month"],vi=1500,bi=300,Z=class extends H{constructor(){super(...arguments);this.stats=S;this.busy=!1;this.revision=0;this.request=0;this.onLocation=()=>{!this.hass||!this.query||!location.pathname.endsWith("/stats")||De(location.search)!==me(this.query)&&(this.query=ce(this.hass,location.search),this.refresh("change"))}}static{this.styles=[v,zs,Os,Is]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocation),window.addEventListener("popstate",this.onLocation),this.query&&this.onLocation()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocation),window.removeEventListener("popstate",this.onLocation),clearTimeout(this.liveTimer),clearTimeout(this.typingTimer)}willUpdate(t){super.willUpdate(t),this.hass&&!this.query?(this.query=ce(this.hass,location.search),this.refresh("initial"),this.loadStreaks()):this.query&&this.personChanged(t)&&(this.refresh("change"),this.loadStreaks())}onLiveEvent(t){t.kind==="stats"&&(clearTimeout(this.liveTimer),this.liveTimer=setTimeout(()=>{this.refresh("live"),this.loadStreaks(),this.revision+=1},vi))}get granularity(){return this.query?.granularity??Ms(this.query.period)}async refresh(t){let e=this.query;if(!e)return;t==="live"&&e.period.window!=="custom"&&(this.query={...e,period:Ct(this.hass,e.period.window)});let s=++this.request;t==="initial"||this.stats.status!=="ready"?this.stats=S:t==="change"&&(this.busy=!0);let{first_day:n,last_day:o}=this.query.period;n&&this.setComparedRange({first_day:n,last_day:o});try{let p=await Fs(this.hass,this.query.period,this.granularity,yi,this.person);if(s!==this.request)return;this.stats={status:"ready",value:p},this.setComparedRange(p)}catch(p){let c=await _(this.hass,p);if(s!==this.request)return;(t!=="live"||this.stats.status!=="ready")&&(this.stats={status:"error",message:c})}finally{s===this.request&&(this.busy=!1)}}async loadStreaks(){try{let t=this.person,e=await je(this.hass,t);t===this.person&&(this.streaks=e)}catch{}}setComparedRange(t){let e=this.comparedRange;(e?.first_day!==t.first_day||e?.last_day!==t.last_day)&&(this.comparedRange={first_day:t.first_day,last_day:t.last_day})}setQuery(t,e){this.query=t,Y(`${location.pathname}${me(t)}`,!0),e&&this.refresh("change")}onPeriod(t){let e=t.detail;clearTimeout(this.typingTimer);let s=()=>this.setQuery({...this.query,period:e,granularity:void 0},!0);e.window==="custom"&&this.query.period.window==="custom"?this.typingTimer=setTimeout(s,bi):s()}onGranularity(t){t!==this.granularity&&this.setQuery({...this.query,granularity:t},!0)}onCompare(t){this.setQuery({...this.query,compareWith:t.detail},!1)}render(){if(!this.query)return l;let t=()=>{this.refresh("initial")};return r`<div class="view" data-testid="view-stats">
      <div class="toolbar">
        <aime-period-picker
          .hass=${this.hass}
          .period=${this.query.period}
          @period-changed=${this.onPeriod}
        ></aime-period-picker>
        <div class="range muted" data-testid="stats-range">
          ${this.stats.status==="ready"?this.renderRange(this.stats.value):l}
          ${this.busy?r`<span class="updating" role="status">${this.t("stats.updating")}</span>`:l}
        </div>
      </div>
      ${this.stats.status==="loading"?this.renderSkeleton():this.renderLoad(this.stats,e=>this.renderStats(e),t)}
    </div>`}renderRange(t){return this.t("stats.range",{first:R(this.hass,t.first_day),last:R(this.hass,t.last_day)})}renderSkeleton(){return r`<div class="content" role="status" aria-busy="true" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <div class="figures">${Array.from({length:8},()=>r`<div class="skeleton tile-shape placeholder"></div>`)}</div>
      <div class="skeleton chart-shape placeholder"></div>
      <div class="columns"><div class="skeleton chart-shape placeholder"></div><div class="skeleton chart-shape placeholder"></div></div>
    </div>`}renderStats(t){let e=this.query.period.window==="all",s=r`<aime-stats-compare
      .hass=${this.hass}
      .person=${this.person}
      .current=${this.comparedRange}
      .allTime=${e}
      .compareWith=${this.query.compareWith}
      .revision=${this.revision}
      @compare-changed=${this.onCompare}
    ></aime-stats-compare>`;if(!t.plays)return r`<div class="content ${this.busy?"busy":""}">
        <div class="card empty-state" data-testid="stats-empty">${this.t("stats.empty")}</div>
        ${fe(this.hass,this.streaks)} ${s}
      </div>`;let n=this.chartOptions(t);return r`<div class="content ${this.busy?"busy":""}">
      ${qs(this.hass,t)} ${this.renderSeries(t,n.series)}
      <div class="columns">
        <section class="card" data-testid="stats-heatmap">
          <div class="card-head"><h3>${this.t("stats.heatmap")}</h3></div>
          ${this.renderPeak(t.heatmap)}
          <aime-chart
            .options=${n.heatmap}
            .label=${this.t("stats.heatmap_label")}
            .height=${this.narrow?240:280}
          ></aime-chart>
        </section>
        <div class="stack">
          ${fe(this.hass,this.streaks)}
          ${t.top_genres.length?Rt(this.hass,"genres",t.top_genres,this.t("stats.top_genres_hint")):l}
        </div>
      </div>
      <div class="tops">
        ${Rt(this.hass,"artists",t.top_artists)}
        ${Rt(this.hass,"albums",t.top_albums)}
        ${Rt(this.hass,"tracks",t.top_tracks)}
      </div>
      ${t.partial?l:this.renderNewArtists(t)} ${s}
    </div>`}renderSeries(t,e){let s=t.partial?this.granularity:t.granularity;return r`<section class="card" data-testid="stats-series">
      <div class="card-head">
        <h3>${this.t("stats.series")}</h3>
        <div class="segmented" role="group" aria-label=${this.t("stats.granularity")}>
          ${gi.map(n=>r`<button
              data-testid="stats-granularity-${n}"
              aria-pressed=${n===s?"true":"false"}
              ?disabled=${t.partial}
              @click=${()=>this.onGranularity(n)}
            >
              ${this.t(`stats.granularity.${n}`)}
            </button>`)}
        </div>
      </div>
      ${t.partial?r`<p class="muted note">${this.t("stats.older_hub")}</p>`:r`<aime-chart
            .options=${e}
            .label=${this.t("stats.series")}
            .height=${this.narrow?220:280}
          ></aime-chart>`}
    </section>`}renderPeak(t){let e={plays:0,weekday:0,hour:0};if(t.forEach((n,o)=>n.forEach((p,c)=>{p>e.plays&&(e={plays:p,weekday:o,hour:c})})),!e.plays)return l;let s=Gt(this.hass,"long")[e.weekday];return r`<p class="muted note" data-testid="stats-peak">
      ${this.t("stats.peak",{weekday:s,hour:de(this.hass,e.hour)})}
    </p>`}renderNewArtists(t){return r`<section class="card" data-testid="stats-new-artists">
      <div class="card-head">
        <h3>${this.t("stats.new_artists")}</h3>
        ${t.new_artists.length?r`<span class="muted">${t.new_artists.length===1?this.t("stats.new_artists_one"):this.t("stats.new_artists_count",{count:u(this.hass,t.new_artists.length)})}</span>`:l}
      </div>
      ${t.new_artists.length?r`<aime-stats-new-artists .hass=${this.hass} .artists=${t.new_artists}></aime-stats-new-artists>`:r`<p class="muted">${this.t("stats.new_artists_empty")}</p>`}
    </section>`}chartOptions(t){let s=[!!this.hass.themes?.darkMode,this.hass.locale?.language??this.hass.language,this.narrow].join("|");if(this.charts?.key!==s||this.charts.of!==t){let n=Ht(this),o=t.granularity;this.charts={key:s,of:t,series:Hs(this.hass,n,t.series,o,this.narrow),heatmap:Cs(this.hass,n,t.heatmap,this.narrow)}}return this.charts}};d([m()],Z.prototype,"query",2),d([m()],Z.prototype,"stats",2),d([m()],Z.prototype,"streaks",2),d([m()],Z.prototype,"busy",2),d([m()],Z.prototype,"revision",2),d([m()],Z.prototype,"comparedRange",2);g("aime-stats",Z);var js=(i,a,t)=>D(i,"aime/timeline",N({day:a,person:t}));var Ns=f`
  svg {
    fill: currentColor;
  }
  .head {
    margin-bottom: 12px;
  }
  .nav {
    display: flex;
    align-items: center;
    gap: 4px;
    flex-wrap: wrap;
    margin-bottom: 8px;
  }
  .nav svg {
    width: 24px;
    height: 24px;
    display: block;
  }
  .day-picker {
    min-width: 150px;
  }
  .nav > button:not(.icon) {
    margin-left: 4px;
  }
  .head h2 {
    margin: 4px 0 12px;
    font-size: 1.4rem;
    font-weight: 400;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 12px 32px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .figure .value {
    font-size: 1.5rem;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    color: var(--secondary-text-color);
    font-size: 0.85rem;
  }
  .journal-link {
    margin-left: auto;
    padding: 6px 0;
  }
  .chart {
    display: flex;
    align-items: flex-end;
    gap: 3px;
    height: 64px;
    margin: 16px 0 20px;
  }
  .bar {
    position: relative;
    flex: 1 1 0;
    height: 100%;
    min-width: 0;
    min-height: 0;
    padding: 0;
    border: none;
    border-radius: 0;
    background: none;
    display: flex;
    align-items: flex-end;
  }
  .bar > span:first-child {
    display: block;
    width: 100%;
    height: var(--aime-bar);
    border-radius: 3px 3px 0 0;
    background: var(--primary-color);
    opacity: 0.85;
    transition: opacity 0.15s;
  }
  .bar.empty > span:first-child {
    background: var(--divider-color, rgba(127, 127, 127, 0.3));
    opacity: 1;
  }
  button.bar:hover > span:first-child,
  button.bar:focus-visible > span:first-child {
    opacity: 1;
    filter: brightness(1.15);
  }
  .tick {
    position: absolute;
    top: 100%;
    left: 0;
    margin-top: 2px;
    font-size: 0.7rem;
    color: var(--secondary-text-color);
    white-space: nowrap;
  }
  .hours {
    list-style: none;
    margin: 0;
    padding: 8px 16px;
  }
  .hour,
  .quiet {
    position: relative;
    padding-left: 20px;
  }
  /* The rail: a line down the left with a dot at each hour. */
  .hour::before,
  .quiet .rail {
    content: "";
    position: absolute;
    left: 5px;
    top: 0;
    bottom: 0;
    width: 2px;
    background: var(--divider-color, #e0e0e0);
  }
  .hour::after {
    content: "";
    position: absolute;
    left: 0;
    top: 14px;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--primary-color);
    box-shadow: 0 0 0 3px var(--card-background-color, #fff);
  }
  .hour h3 {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin: 0;
    padding: 10px 0 4px;
    font-size: 1rem;
    scroll-margin-top: 72px;
  }
  .hour h3:focus {
    outline: none;
  }
  .hour-label {
    font-variant-numeric: tabular-nums;
  }
  .hour h3 .muted {
    font-weight: 400;
  }
  .quiet {
    display: flex;
    align-items: center;
    min-height: 32px;
    font-size: 0.85rem;
    font-style: italic;
  }
  .quiet .rail {
    background: repeating-linear-gradient(
      to bottom,
      var(--divider-color, #e0e0e0) 0 4px,
      transparent 4px 8px
    );
  }
  .plays {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  .play {
    display: grid;
    grid-template-columns: 4.5em auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 12px;
    padding: 6px 8px;
    border-radius: 8px;
    transition: background-color 0.15s;
  }
  .play:hover,
  .play:focus-within {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
  }
  .play time {
    font-variant-numeric: tabular-nums;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .state.empty {
    padding: 40px 24px;
  }
  .state p {
    margin: 0 0 12px;
  }
  @media (max-width: 600px) {
    .head {
      padding: 12px;
    }
    .nav {
      flex-wrap: nowrap;
    }
    .day-picker {
      min-width: 0;
      width: 136px;
    }
    .nav > button:not(.icon) {
      margin-left: auto;
      padding: 6px 10px;
    }
    .head h2 {
      font-size: 1.2rem;
    }
    .totals {
      gap: 12px 20px;
    }
    .figure .value {
      font-size: 1.2rem;
    }
    .journal-link {
      margin-left: 0;
    }
    .chart {
      gap: 2px;
    }
    .hours {
      padding: 4px 8px;
    }
    .play {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: "cover text" "cover time";
      gap: 2px 10px;
      padding: 6px 4px;
    }
    .play aime-cover {
      grid-area: cover;
    }
    .play .text {
      grid-area: text;
    }
    .play time {
      grid-area: time;
      font-size: 0.8rem;
    }
    .play .aside {
      display: none;
    }
  }
`;var Us=`${Q}/timeline`,xi=1e3;function $i(i){let a=[];for(let t of i){let e=a[a.length-1];t.plays.length?a.push({kind:"hour",hour:t}):e?.kind==="empty"?e.last=t:a.push({kind:"empty",first:t,last:t})}return a}var Jt=class extends H{constructor(){super(...arguments);this.timeline=S;this.request=0}static{this.styles=[v,Ut,Ns]}get day(){return this.params?.day??dt(this.hass)}get today(){return dt(this.hass)}disconnectedCallback(){super.disconnectedCallback(),window.clearTimeout(this.refreshTimer),this.loadedDay=void 0}willUpdate(t){super.willUpdate(t),this.hass&&(this.day!==this.loadedDay||this.personChanged(t))&&(this.loadedDay=this.day,this.fetch(!1))}async fetch(t){let e=++this.request,s=this.day;A(s)&&await this.load(()=>js(this.hass,s,this.person),n=>{e===this.request&&(this.timeline=n)},t)}onLiveEvent(t){if(this.timeline.status!=="ready")return;let e=this.timeline.value.day;(t.kind==="play"&&t.play.local_time.startsWith(e)||t.kind==="stats"&&e===this.today)&&(window.clearTimeout(this.refreshTimer),this.refreshTimer=window.setTimeout(()=>{this.fetch(!0)},xi))}goTo(t){Y(t===this.today?Us:`${Us}/${t}`)}onDayInput(t){let e=t.target.value;A(e)&&e<=this.today&&this.goTo(e)}render(){let t=this.day,e=A(t),s=this.today;return r`
      <div class="card head">
        <div class="nav">
          <button
            class="icon"
            data-testid="timeline-previous"
            aria-label=${this.t("timeline.previous")}
            title=${this.t("timeline.previous")}
            ?disabled=${!e}
            @click=${()=>this.goTo(K(t,-1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${xe} /></svg>
          </button>
          <aime-date-input
            class="day-picker"
            data-testid="timeline-day"
            .hass=${this.hass}
            label=${this.t("timeline.day_label")}
            .value=${e?t:""}
            max=${s}
            @change=${this.onDayInput}
          ></aime-date-input>
          <button
            class="icon"
            data-testid="timeline-next"
            aria-label=${this.t("timeline.next")}
            title=${this.t("timeline.next")}
            ?disabled=${!e||t>=s}
            @click=${()=>this.goTo(K(t,1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${$e} /></svg>
          </button>
          ${e&&t!==s?r`<button data-testid="timeline-today" @click=${()=>this.goTo(s)}>${this.t("timeline.today")}</button>`:l}
        </div>
        <h2 data-testid="timeline-title">${e?this.dayTitle(t,s):this.t("panel.nav.timeline")}</h2>
        ${e&&this.timeline.status==="ready"?this.renderTotals(this.timeline.value):l}
      </div>
      ${e?this.renderLoad(this.timeline,n=>this.renderHours(n),()=>{this.fetch(!1)}):r`<div class="card state error" role="alert" data-testid="error">
            <p>${this.t("timeline.bad_day",{day:t})}</p>
            <button @click=${()=>this.goTo(s)}>${this.t("timeline.back_today")}</button>
          </div>`}
    `}dayTitle(t,e){let s=R(this.hass,t,{weekday:"long",day:"numeric",month:"long",year:"numeric"});return t===e?this.t("timeline.today_title",{date:s}):t===K(e,-1)?this.t("timeline.yesterday_title",{date:s}):s}renderTotals(t){let e=t.hours.flatMap(c=>c.plays),s=e[0],n=e[e.length-1],o=c=>St(this.hass,c.played_at),p=ft({first_day:t.day,last_day:t.day});return r`<div class="totals" data-testid="timeline-totals">
        <div class="figure">
          <span class="value" data-testid="timeline-plays">${u(this.hass,t.plays)}</span>
          <span class="label">${this.t(t.plays===1?"timeline.plays_one":"timeline.plays_label")}</span>
        </div>
        <div class="figure">
          <span class="value" data-testid="timeline-listening">${P(this.hass,t.listening_seconds)}</span>
          <span class="label"
            >${this.t("timeline.listening")}${t.estimated_plays?r` <span title=${this.t("timeline.estimated_help")}
                  >${this.t("timeline.estimated",{count:u(this.hass,t.estimated_plays)})}</span
                >`:l}</span
          >
        </div>
        ${s&&n?r`<div class="figure">
              <span class="value">${o(s)} – ${o(n)}</span>
              <span class="label">${this.t("timeline.span")}</span>
            </div>`:l}
        ${e.length?r`<a class="journal-link" href=${p} data-testid="timeline-journal" @click=${b}
              >${this.t("timeline.open_journal")}</a
            >`:l}
      </div>
      ${e.length?this.renderChart(t.hours):l}`}renderChart(t){let e=Math.max(1,...t.map(s=>s.plays.length));return r`<div class="chart" role="group" aria-label=${this.t("timeline.chart_label")}>
      ${t.map(s=>{let n=s.plays.length,o=`--aime-bar: ${Math.max(n?12:4,n/e*100)}%`,p=this.t("timeline.hour_plays",{hour:this.hourLabel(s),count:n}),c=s.hour%6===0?r`<span class="tick">${this.hourLabel(s)}</span>`:l;return n?r`<button class="bar" style=${o} aria-label=${p} title=${p} @click=${()=>this.scrollToHour(s)}>
              <span></span>${c}
            </button>`:r`<span class="bar empty" style=${o} aria-hidden="true"><span></span>${c}</span>`})}
    </div>`}scrollToHour(t){let e=this.renderRoot.querySelector(`[data-hour-start="${t.start}"]`);e?.scrollIntoView({behavior:"smooth",block:"start"}),e?.querySelector("h3")?.focus({preventScroll:!0})}hourLabel(t){return ne(this.hass,t.start)}hourEnd(t){return ne(this.hass,Date.parse(t.start)/1e3+3600)}renderHours(t){if(!t.hours.some(n=>n.plays.length))return r`<div class="card state empty" data-testid="timeline-empty">
        <p>${this.t("timeline.empty")}</p>
        ${t.day!==this.today?r`<button @click=${()=>this.goTo(this.today)}>${this.t("timeline.back_today")}</button>`:l}
      </div>`;let e=Date.now(),s=t.day===this.today?t.hours.filter(n=>Date.parse(n.start)<=e):t.hours;return r`<ol class="hours card">
      ${$i(s).map(n=>n.kind==="hour"?this.renderHour(n.hour):this.renderEmpty(n.first,n.last))}
    </ol>`}renderEmpty(t,e){let s=t===e?this.t("timeline.empty_hour",{hour:this.hourLabel(t)}):this.t("timeline.empty_hours",{first:this.hourLabel(t),end:this.hourEnd(e)});return r`<li class="quiet" data-testid="timeline-quiet"><span class="rail"></span><span class="muted">${s}</span></li>`}renderHour(t){let e=t.plays.length;return r`<li class="hour" data-testid="timeline-hour" data-hour=${t.hour} data-hour-start=${t.start}>
      <h3 tabindex="-1">
        <span class="hour-label">${this.hourLabel(t)}</span>
        <span class="muted">${e===1?this.t("timeline.plays_one_count"):this.t("common.plays",{count:e})}</span>
      </h3>
      <ol class="plays">
        ${t.plays.map(s=>this.renderPlay(s))}
      </ol>
    </li>`}renderPlay(t){return r`<li class="play" data-testid="timeline-play" data-play-id=${t.play_id}>
      <time datetime=${t.local_time}>${St(this.hass,t.played_at)}</time>
      <aime-cover .src=${t.cover??null} .size=${40} label=${t.album}></aime-cover>
      <div class="text">
        <div class="line"><span class="title ellipsis" dir="auto" title=${t.title}>${t.title}</span>${Nt(this.hass,t.loved)}</div>
        <div class="line muted"><span class="ellipsis">${Ot(t)} · ${zt(t)}</span></div>
      </div>
      <div class="aside">${jt(this.hass,t.sources)}</div>
    </li>`}};d([m()],Jt.prototype,"timeline",2);g("aime-timeline",Jt);var ye=["journal","timeline","stats","collection","playlists"],wi=["album","artist"],_i={timeline:"day",playlists:"id"};function Bs(i){let[a="",t,...e]=i.replace(/^\/+|\/+$/g,"").split("/");if(e.length)return{view:"not_found",params:{}};if(!a)return{view:"journal",params:{}};let s=a;if(wi.includes(s))return t&&/^\d+$/.test(t)?{view:s,params:{id:t}}:{view:"not_found",params:{}};if(ye.includes(s)){if(t===void 0)return{view:s,params:{}};let n=_i[s];return n?{view:s,params:{[n]:decodeURIComponent(t)}}:{view:"not_found",params:{}}}return{view:"not_found",params:{}}}var rt=class extends E{constructor(){super(...arguments);this.narrow=!1;this.person=Yt(location.search);this.people=[];this.peopleAsked=!1;this.onLocation=()=>{location.pathname.startsWith(Q)&&(this.person=Yt(location.search))}}static{this.styles=[v,f`
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
    `]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocation),window.addEventListener("popstate",this.onLocation),this.onLocation()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocation),window.removeEventListener("popstate",this.onLocation)}willUpdate(){this.hass&&!this.peopleAsked&&(this.peopleAsked=!0,Ce(this.hass).then(t=>this.people=t,()=>{}))}onPersonChanged(t){Fe(t.detail.person)}get current(){return Bs(this.route?.path??"")}render(){let t=this.current,e=t.view==="album"||t.view==="artist"?void 0:t.view;return r`
      <header>
        <button
          class="icon menu"
          aria-label=${h(this.hass,"panel.menu")}
          @click=${()=>this.dispatchEvent(new CustomEvent("hass-toggle-menu",{bubbles:!0,composed:!0}))}
        >
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path fill="currentColor" d=${Te} />
          </svg>
        </button>
        <h1>${h(this.hass,"panel.title")}</h1>
        <nav aria-label=${h(this.hass,"panel.nav.label")}>
          ${ye.map(s=>r`<a
              href=${Ie(`${Q}/${s}`,this.person)}
              data-testid="nav-${s}"
              aria-current=${s===e?"page":"false"}
              @click=${b}
              >${h(this.hass,`panel.nav.${s}`)}</a
            >`)}
        </nav>
        ${this.people.length||this.person?r`<aime-person-picker
              .hass=${this.hass}
              .narrow=${this.narrow}
              .people=${this.people}
              .person=${this.person}
              @person-changed=${this.onPersonChanged}
            ></aime-person-picker>`:""}
      </header>
      <main>${this.renderView(t)}</main>
      <aime-now-playing .hass=${this.hass} .narrow=${this.narrow}></aime-now-playing>
    `}renderView(t){let{hass:e,narrow:s,person:n}=this,o=t.params;switch(t.view){case"journal":return r`<aime-journal .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-journal>`;case"timeline":return r`<aime-timeline .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-timeline>`;case"stats":return r`<aime-stats .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-stats>`;case"collection":return r`<aime-collection .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-collection>`;case"album":return r`<aime-album .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-album>`;case"artist":return r`<aime-artist .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-artist>`;case"playlists":return r`<aime-playlists .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-playlists>`;default:return r`<div class="state" data-testid="not-found">${h(this.hass,"panel.not_found")}</div>`}}};d([y({attribute:!1})],rt.prototype,"hass",2),d([y({type:Boolean,reflect:!0})],rt.prototype,"narrow",2),d([y({attribute:!1})],rt.prototype,"route",2),d([m()],rt.prototype,"person",2),d([m()],rt.prototype,"people",2);g("aime-panel",rt);export{rt as AimePanel};
