import{A as Fe,B as X,C as Ne,D as z,E as A,F as b,G as x,H as ct,I as k,J as I,K as At,L as ht,M as Z,N as $t,O as D,P as ze,Q as je,R as Ue,S as Be,T as Ht,a as $e,b as we,c as _e,d as ke,e as Te,f as Ee,g as pt,h as Kt,i as Se,j as Re,k as Le,l as Pe,m as v,n as Ae,o as He,p as Ce,q as P,r as B,s as C,t as M,u as Oe,v as Me,w as K,x as Xt,y as De,z as qe}from"./chunks/chunk-6JNVRR2B.js";import{a as f,b as r,c as U,d as l,e as Ie,f as R,g,h as c,j as y,k as It,l as m,m as u,n as E,o as L,p as H}from"./chunks/chunk-YCUM65M4.js";import{b as d}from"./chunks/chunk-CQAH7SST.js";var it=class extends R{constructor(){super(...arguments);this.people=[];this.narrow=!1;this.open=!1;this.toggle=()=>{if(this.open)return this.close();this.open=!0,document.addEventListener("click",this.onOutsideClick,!0),this.updateComplete.then(()=>{this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.focus()})};this.onOutsideClick=t=>{t.composedPath().includes(this)||this.close()};this.onKey=t=>{let e=[...this.renderRoot.querySelectorAll('[role="option"]')],s=e.indexOf(this.renderRoot.querySelector(":focus"));if(t.key==="Escape")this.close(),this.renderRoot.querySelector(".current")?.focus();else if(t.key==="ArrowDown"||t.key==="ArrowUp"){t.preventDefault();let n=t.key==="ArrowDown"?1:-1;e[(s+n+e.length)%e.length]?.focus()}}}static{this.styles=f`
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
  `}disconnectedCallback(){super.disconnectedCallback(),this.close()}get chosen(){if(!this.person)return;let t=this.people.find(s=>s.entity_id===this.person);if(t)return t;let e=this.hass?.states[this.person];return{entity_id:this.person,name:e?.attributes.friendly_name??this.person,picture:null}}render(){let t=this.chosen,e=t?.name??m(this.hass,"panel.person.everyone"),s=m(this.hass,"panel.person.current",{name:e});return r`
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
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Le} /></svg>
      </button>
      ${this.open?this.renderList(t):l}
    `}renderList(t){let e=t&&!this.people.includes(t)?[...this.people,t]:this.people;return r`<div role="listbox" aria-label=${m(this.hass,"panel.person.label")} @keydown=${this.onKey}>
      ${this.option(void 0,m(this.hass,"panel.person.everyone"),!t)}
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
      >${t.picture?r`<img src=${t.picture} alt="" />`:Me(t.name)}</span
    >`:r`<span class="avatar" aria-hidden="true"
        ><svg viewBox="0 0 24 24"><path d=${$e} /></svg
      ></span>`}close(){this.open=!1,document.removeEventListener("click",this.onOutsideClick,!0)}choose(t){this.close(),t!==this.person&&this.dispatchEvent(new CustomEvent("person-changed",{detail:{person:t},bubbles:!0,composed:!0}))}};d([g({attribute:!1})],it.prototype,"hass",2),d([g({attribute:!1})],it.prototype,"people",2),d([g({attribute:!1})],it.prototype,"person",2),d([g({type:Boolean,reflect:!0})],it.prototype,"narrow",2),d([c()],it.prototype,"open",2);y("aime-person-picker",it);var We=(i,a,t=0,e=50,s)=>P(i,"aime/album",{album_id:a,page:t,page_size:e,language:i.locale?.language??i.language,...B({person:s})});var mt=class extends R{constructor(){super(...arguments);this.more=!1;this.busy=!1;this.label="";this.visible=!1}static{this.styles=[v,f`
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
    </button>`:l}};d([g({type:Boolean})],mt.prototype,"more",2),d([g({type:Boolean})],mt.prototype,"busy",2),d([g()],mt.prototype,"label",2);y("aime-load-more",mt);function wt(i,a,t){let e=new Intl.PluralRules(It(i)).select(t)==="one"?"one":"other";return m(i,`${a}.${e}`,{count:u(i,t)})}var at=(i,a)=>wt(i,"collection.plays",a),oi=new Set(["vinyl","cd","cassette","digital","box_set","other","unknown"]);function _t(i,a){let t=a??"unknown";return oi.has(t)?m(i,`collection.format.${t}`):t}function Ge(){return new URLSearchParams(window.location.search)}function Je(i){let a=new URLSearchParams;for(let[s,n]of Object.entries(i))n!==void 0&&n!==""&&n!==!1&&a.set(s,String(n));let t=a.toString(),e=Fe(`${window.location.pathname}${t?`?${t}`:""}`);e!==`${window.location.pathname}${window.location.search}`&&history.replaceState(history.state,"",e)}var li={discogs:"Discogs",spotify:"Spotify",lastfm:"Last.fm",musicbrainz:"MusicBrainz",wikipedia:"Wikipedia"};function Qe(i){return Object.entries(i??{}).filter(([,a])=>typeof a=="string"&&/^https?:\/\//i.test(a)).map(([a,t])=>({service:a,name:li[a]??a.charAt(0).toUpperCase()+a.slice(1),url:t}))}function Ye(i,a){let t=a==="manual"?"collection.source.manual":`common.source.${a}`,e=m(i,t);return e===t?a:e}var Ke="aime-last-zone",W=class extends R{constructor(){super(...arguments);this.mediaId="";this.mediaType="music";this.label="";this.zone=localStorage.getItem(Ke)??"";this.message="";this.busy=!1}static{this.styles=[v,f`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .message {
        font-size: 0.875rem;
      }
    `]}render(){let t=He(this.hass);if(!t.length)return r`<span class="muted" data-testid="no-zone">${m(this.hass,"common.no_zone")}</span>`;let e=t.some(s=>s.entityId===this.zone)?this.zone:t[0].entityId;return r`
      <label class="visually-hidden" for="zone">${m(this.hass,"common.choose_zone")}</label>
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
        ${this.label||m(this.hass,"common.play")}
      </button>
      <span class="message" role="status" data-testid="zone-message">${this.message}</span>
    `}async play(t,e){this.busy=!0,this.message="",localStorage.setItem(Ke,t);try{await Ce(this.hass,t,this.mediaId,this.mediaType);let s=e.find(n=>n.entityId===t)?.name??t;this.message=m(this.hass,"common.playing_in",{zone:s}),this.dispatchEvent(new CustomEvent("aime-played",{detail:{entityId:t},bubbles:!0,composed:!0}))}catch(s){this.message=await x(this.hass,s)}finally{this.busy=!1}}};d([g({attribute:!1})],W.prototype,"hass",2),d([g({attribute:"media-id"})],W.prototype,"mediaId",2),d([g({attribute:"media-type"})],W.prototype,"mediaType",2),d([g()],W.prototype,"label",2),d([c()],W.prototype,"zone",2),d([c()],W.prototype,"message",2),d([c()],W.prototype,"busy",2);y("aime-zone-picker",W);var j=(i,a)=>r`<div class="figure"><span class="value">${i}</span><span class="label">${a}</span></div>`,ut=(i,a,t)=>t?E(i,t,{dateStyle:"medium"}):m(i,`${a}.never`);function Ct(i,a,t){let e=Qe(t.links);return r`<div class="actions">
    ${t.play_media_id?r`<aime-zone-picker
          data-testid="${a}-play"
          .hass=${i}
          media-id=${t.play_media_id}
          .label=${m(i,`${a}.play`)}
        ></aime-zone-picker>`:l}
    ${e.length?r`<nav class="links" aria-label=${m(i,`${a}.links`)}>
          ${e.map(s=>r`<a
                href=${s.url}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="${a}-link-${s.service}"
                aria-label=${m(i,`${a}.new_tab`,{service:s.name})}
                >${s.name} ↗</a
              >`)}
        </nav>`:l}
  </div>`}var Ot=f`
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
`;var Xe=50,V=class extends I{constructor(){super(...arguments);this.album=k;this.plays={entries:[],page:0,total:0};this.loadingMore=!1;this.moreError="";this.writing=!1;this.writeError="";this.request=0}static{this.styles=[v,Ot]}get albumId(){return Number(this.params?.id)}willUpdate(t){super.willUpdate(t),(this.routeIdChanged(t)||this.personChanged(t))&&this.reload()}onLiveEvent(t){t.kind==="play"&&t.play.album_id===this.albumId&&this.reload(!0),t.kind==="collection"&&this.reload(!0)}async reload(t=!1){let e=++this.request;t||(this.album=k,this.writeError=""),this.moreError="",this.loadingMore=!1;try{let s=await We(this.hass,this.albumId,0,Xe,this.person);if(e!==this.request)return;this.album={status:"ready",value:s};let n=t?this.plays:{entries:[],page:0};this.plays={entries:Ze(s.plays,n.entries),page:n.page,total:s.total_plays}}catch(s){if(e!==this.request)return;let n=await x(this.hass,s);if(e!==this.request)return;(!t||this.album.status!=="ready")&&(this.album={status:"error",message:n})}}async loadMorePlays(){let{entries:t,page:e,total:s}=this.plays;if(this.loadingMore||t.length>=s)return;let n=this.request;this.loadingMore=!0,this.moreError="";try{let o=await ct(this.hass,{album_id:this.albumId,person:this.person},e+1,Xe);if(n!==this.request)return;this.plays={entries:Ze(t,o.entries),page:e+1,total:o.total}}catch(o){let p=await x(this.hass,o);n===this.request&&(this.moreError=p)}finally{n===this.request&&(this.loadingMore=!1)}}async writeDescription(){this.writing=!0,this.writeError="";try{await C(this.hass,"describe_album",{album_id:this.albumId,force:!0},!0),await this.reload(!0)}catch(t){this.writeError=this.t("album.regenerate_failed",{message:await x(this.hass,t)})}finally{this.writing=!1}}render(){return this.album.status==="loading"?this.renderSkeleton():r`<div class="layout" data-testid="view-album">
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
        <a class="by name-heading" dir="auto" title=${t.artist} data-testid="album-artist" href=${A(t.artist_id)} @click=${b}
          >${t.artist}</a
        >
        ${e.length?r`<div class="facts">${e.map(s=>r`<span>${s}</span>`)}</div>`:l}
        ${this.renderChips(t.genres,"genre","album.genres")} ${this.renderChips(t.styles,"style","album.styles")}
        <div class="figures">
          ${j(u(this.hass,t.total_plays),this.t("album.plays"))}
          ${j(H(this.hass,t.listening_seconds),this.t("album.listening"))}
          ${j(ut(this.hass,"album",t.first_played_at),this.t("album.first_played"))}
          ${j(ut(this.hass,"album",t.last_played_at),this.t("album.last_played"))}
        </div>
        ${Ct(this.hass,"album",t)}
      </div>
    </section>`}renderChips(t,e,s){return t.length?r`<ul class="chips" aria-label=${this.t(s)}>
      ${t.map(n=>r`<li class="chip ${e}">${n}</li>`)}
    </ul>`:l}renderDescription(t){let e=t.description,s=M(this.hass);return r`<section class="card description">
      <h2>
        <span>${this.t("album.description")}</span>
        ${s?r`<button data-testid="album-regenerate" ?disabled=${this.writing} @click=${()=>this.writeDescription()}>
              ${this.writing?this.t("album.writing"):this.t(e?"album.regenerate":"album.write")}
            </button>`:l}
      </h2>
      <div data-testid="album-description" aria-busy=${this.writing?"true":"false"}>
        ${e?r`${e.text.split(/\n{2,}/).map(n=>r`<p>${n}</p>`)}
              <p class="muted" data-testid="album-description-by">
                ${this.t("album.description_by",{model:e.model,when:E(this.hass,e.generated_at,{dateStyle:"long"})})}
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
                  ${s.artist!==t.artist?r`<a class="muted ellipsis" dir="auto" title=${s.artist} href=${A(s.artist_id)} @click=${b}
                        >${s.artist}</a
                      >`:l}
                  <div class="bar" aria-hidden="true"><span style="width:${s.plays/e*100}%"></span></div>
                </div>
                <span class="count">
                  ${at(this.hass,s.plays)}
                  ${s.duration?r`<br /><span class="muted">${di(s.duration)}</span>`:l}
                </span>
              </li>`)}
          </ol>`:r`<p class="empty-line">${this.t("album.no_tracks")}</p>`}
    </section>`}renderRecords(t){return r`<section class="card" data-testid="album-records">
      <h2>${this.t("album.records")}</h2>
      ${t.records.length?r`<ul class="rows">
            ${t.records.map(e=>r`<li data-testid="album-record">
                <div class="main">
                  <span><span class="badge">${_t(this.hass,e.format)}</span>
                    ${e.pressing_year?this.t("album.record_pressing",{year:e.pressing_year}):""}</span>
                  ${e.labels?r`<span class="muted ellipsis">${e.labels}</span>`:l}
                  ${e.added_at?r`<span class="muted">${this.t("album.record_added",{when:E(this.hass,e.added_at,{dateStyle:"medium"})})}</span>`:l}
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
                    ${[this.t("album.via",{source:Ye(this.hass,s.source)}),s.device?this.t("album.on_device",{device:s.device}):""].filter(Boolean).join(" \xB7 ")}
                  </span>
                </div>
                <time class="count" datetime=${s.local_time}>${E(this.hass,s.played_at)}</time>
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
    </section>`}};d([c()],V.prototype,"album",2),d([c()],V.prototype,"plays",2),d([c()],V.prototype,"loadingMore",2),d([c()],V.prototype,"moreError",2),d([c()],V.prototype,"writing",2),d([c()],V.prototype,"writeError",2);function Ze(i,a){let t=new Set(i.map(s=>s.play_id)),e=i.length?i[i.length-1].played_at:1/0;return[...i,...a.filter(s=>!t.has(s.play_id)&&s.played_at<=e)]}function di(i){return`${Math.floor(i/60)}:${String(Math.round(i%60)).padStart(2,"0")}`}y("aime-album",V);var Ve=(i,a,t=10,e)=>P(i,"aime/artist",{artist_id:a,top:t,...B({person:e})});var ts=f`
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
`;var pi=10;function ci(i){if(!i.length)return[];let a=new Map(i.map(p=>[p.month,p.plays])),[t,e]=i[0].month.split("-").map(Number),[s,n]=i[i.length-1].month.split("-").map(Number),o=[];for(let p=t*12+e-1;p<=s*12+n-1;p++){let h=`${Math.floor(p/12)}-${String(p%12+1).padStart(2,"0")}`;o.push({month:h,plays:a.get(h)??0})}return o}var kt=class extends I{constructor(){super(...arguments);this.artist=k;this.chartOptions={};this.request=0}static{this.styles=[v,Ot,ts]}get artistId(){return Number(this.params?.id)}willUpdate(t){super.willUpdate(t),(this.routeIdChanged(t)||this.personChanged(t))&&this.reload();let e=!!this.hass?.themes?.darkMode;this.artist.status==="ready"&&(t.has("artist")||e!==this.chartDark)&&(this.chartDark=e,this.chartOptions=this.buildChart(this.artist.value))}onLiveEvent(t){t.kind==="play"&&t.play.artist_id===this.artistId&&this.reload(!0),t.kind==="collection"&&this.reload(!0)}async reload(t=!1){let e=++this.request;t||(this.artist=k);try{let s=await Ve(this.hass,this.artistId,pi,this.person);e===this.request&&(this.artist={status:"ready",value:s})}catch(s){let n=await x(this.hass,s);e===this.request&&(!t||this.artist.status!=="ready")&&(this.artist={status:"error",message:n})}}buildChart(t){let e=ci(t.months),s=At(this),n=It(this.hass),o=new Intl.DateTimeFormat(n,{month:"short",year:"numeric",timeZone:"UTC"}),p=e.map(h=>{let[w,N]=h.month.split("-").map(Number);return o.format(new Date(Date.UTC(w,N-1,1)))});return{grid:{left:8,right:8,top:16,bottom:8,containLabel:!0},tooltip:{trigger:"axis",axisPointer:{type:"shadow"},formatter:h=>{let w=h[0]?.dataIndex??0;return`${p[w]}
${at(this.hass,e[w]?.plays??0)}`}},xAxis:{type:"category",data:p,axisTick:{show:!1},axisLine:{lineStyle:{color:s.divider}},axisLabel:{color:s.secondaryText,hideOverlap:!0,alignMinLabel:"left",alignMaxLabel:"right"}},yAxis:{type:"value",minInterval:1,splitLine:{lineStyle:{color:s.divider}},axisLabel:{color:s.secondaryText}},series:[{type:"bar",name:this.t("artist.plays"),data:e.map(h=>h.plays),barMaxWidth:22,itemStyle:{borderRadius:[3,3,0,0]}}]}}render(){return this.artist.status==="loading"?r`<div class="layout" role="status" data-testid="loading">
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
          ${j(u(this.hass,t.total_plays),this.t("artist.plays"))}
          ${j(u(this.hass,e),this.t("artist.albums"))}
          ${j(u(this.hass,s),this.t("artist.albums_owned"))}
          ${j(ut(this.hass,"artist",t.first_played_at),this.t("artist.first_played"))}
          ${j(ut(this.hass,"artist",t.last_played_at),this.t("artist.last_played"))}
        </div>
        ${Ct(this.hass,"artist",t)}
      </div>
    </section>`}renderAlbum(t,e,s){return r`<li class="tile" data-testid=${s} data-album-id=${e.album_id}>
      <a class="tile-link" href=${z(e.album_id)} @click=${b}>
        <aime-cover fluid .src=${e.cover??null} label=""></aime-cover>
        <span class="tile-title two-lines" dir="auto" title=${e.title}>${e.title||this.t("common.unknown")}</span>
      </a>
      ${e.artist!==t.name?r`<span class="muted ellipsis" dir="auto" title=${e.artist}>${this.t("artist.by",{artist:e.artist})}</span>`:l}
      <span class="tile-meta">
        <span>${at(this.hass,e.plays)}</span>
        ${e.owned?r`<span class="badge" data-testid="artist-owned-badge"
              >${e.owned>1?wt(this.hass,"collection.total",e.owned):this.t("artist.owned")}</span
            >`:l}
      </span>
    </li>`}renderTracks(t){let e=Math.max(1,...t.top_tracks.map(s=>s.plays));return r`<section class="card">
      <h2>${this.t("artist.top_tracks")}</h2>
      ${t.top_tracks.length?r`<ol class="rows">
            ${t.top_tracks.map((s,n)=>r`<li data-testid="artist-track">
                <span class="number">${n+1}</span>
                <div class="main">
                  ${s.album_id===void 0||s.album_id===null?r`<span class="ellipsis" dir="auto" title=${s.name}>${s.name}</span>`:r`<a class="ellipsis" dir="auto" href=${z(s.album_id)} @click=${b} title=${s.name}
                        >${s.name}</a
                      >`}
                  <div class="bar" aria-hidden="true"><span style="width:${s.plays/e*100}%"></span></div>
                </div>
                <span class="count">${at(this.hass,s.plays)}</span>
              </li>`)}
          </ol>`:r`<p class="empty-line">${this.t("artist.no_tracks")}</p>`}
    </section>`}};d([c()],kt.prototype,"artist",2),d([c()],kt.prototype,"chartOptions",2);y("aime-artist",kt);var Zt=(i,a)=>P(i,"aime/collection",B(a)),es=i=>P(i,"aime/collection/facets");var ft=class{constructor(){this.running=!1}run(a,t=0){if(clearTimeout(this.timer),t>0){this.timer=setTimeout(()=>this.run(a),t);return}if(this.running){this.next=a;return}this.running=!0,this.drain(a)}cancel(){clearTimeout(this.timer),this.next=void 0}async drain(a){let t=a;for(;t;){try{await t()}catch{}t=this.next,this.next=void 0}this.running=!1}};var ss=f`
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
`;var Vt=["artist","title","year","added","plays","last_played"],is=new Set(["added","plays","last_played"]),te=[{shelf:"never_played",testid:"collection-shelf-never"},{shelf:"not_played_year",testid:"collection-shelf-year"}],ee={text:"",format:"",genre:"",style:"",decade:"",sort:"artist",descending:!1,shelf:""};function as(i){let a=i.get("sort"),t=i.get("shelf"),e=i.get("decade")??"";return{text:i.get("q")??"",format:i.get("format")??"",genre:i.get("genre")??"",style:i.get("style")??"",decade:/^\d{4}$/.test(e)?e:"",sort:a&&Vt.includes(a)?a:"artist",descending:i.get("order")==="desc",shelf:t&&te.some(s=>s.shelf===t)?t:""}}function rs(i){let{text:a,format:t,genre:e,style:s,decade:n,sort:o,descending:p,shelf:h}=i;Je({q:a.trim(),format:t,genre:e,style:s,decade:n,sort:o==="artist"?"":o,order:p?"desc":"",shelf:h})}function ns(i){let{text:a,format:t,genre:e,style:s,decade:n,shelf:o}=i;return!!(a.trim()||t||e||s||n||o)}var hi=48,G=class extends I{constructor(){super(...arguments);this.filters=ee;this.listing=k;this.facets=k;this.refreshing=!1;this.loadingMore=!1;this.moreError="";this.request=0;this.search=new ft;this.started=!1}static{this.styles=[v,ss]}connectedCallback(){super.connectedCallback(),this.filters=as(Ge()),this.hass&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.search.cancel(),this.started=!1}shouldUpdate(t){return!this.onlyStatesChanged(t)}willUpdate(t){super.willUpdate(t),t.has("hass")&&this.hass&&this.isConnected&&!this.started?this.start():this.started&&this.personChanged(t)&&this.loadFirstPage({withStats:!0})}start(){this.started=!0,this.loadFacets(),this.loadFirstPage({withStats:!0})}onLiveEvent(t){t.kind==="collection"&&(this.loadFacets(!0),this.loadFirstPage({withStats:!0,quiet:!0}))}loadFacets(t=!1){this.load(()=>es(this.hass),e=>this.facets=e,t)}query(t,e){let{text:s,format:n,genre:o,style:p,decade:h,sort:w,descending:N,shelf:$}=this.filters;return{page:t,page_size:hi,text:s.trim(),format:n,genre:o,style:p,decade:h?Number(h):void 0,shelf:$||void 0,sort:w,descending:N,with_stats:e,person:this.person}}async loadFirstPage({withStats:t=!1,quiet:e=!1}={}){let s=++this.request;this.loadingMore=!1,this.moreError="",this.listing.status==="ready"?this.refreshing=!0:e||(this.listing=k);try{let n=await Zt(this.hass,this.query(0,t));if(s!==this.request)return;n.stats&&(this.stats=n.stats),this.listing={status:"ready",value:{records:n.records,total:n.total,page:0}}}catch(n){let o=await x(this.hass,n);if(s!==this.request)return;this.listing={status:"error",message:o}}finally{s===this.request&&(this.refreshing=!1)}}async loadNextPage(){if(this.listing.status!=="ready"||this.loadingMore||this.refreshing)return;let{records:t,total:e,page:s}=this.listing.value;if(t.length>=e)return;let n=this.request;this.loadingMore=!0,this.moreError="";try{let o=await Zt(this.hass,this.query(s+1,!1));if(n!==this.request||this.listing.status!=="ready")return;this.listing={status:"ready",value:{records:[...t,...o.records],total:o.total,page:s+1}}}catch(o){let p=await x(this.hass,o);n===this.request&&(this.moreError=p)}finally{n===this.request&&(this.loadingMore=!1)}}change(t,e=!1){this.filters={...this.filters,...t},rs(this.filters),this.search.cancel(),e?this.search.run(()=>this.loadFirstPage()):this.loadFirstPage()}clearFilters(){this.change({...ee,sort:this.filters.sort,descending:this.filters.descending})}get filtered(){return ns(this.filters)}render(){return r`
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
    </section>`}renderFilters(){let t=this.facets.status==="ready"?this.facets.value:void 0,{filters:e}=this,s=(o,p,h)=>{let w=e[o],N=p??[],$=!w||N.some(_=>_.value===w);return r`<label class="field">
        <span class="field-label">${this.t(`collection.${o}`)}</span>
        <select
          data-testid="collection-${o}"
          ?disabled=${!p?.length}
          @change=${_=>this.change({[o]:_.target.value})}
        >
          <option value="" ?selected=${!w}>${this.t("collection.any")}</option>
          ${$?l:r`<option value=${w} selected>${h(w)}</option>`}
          ${N.map(_=>r`<option value=${_.value} ?selected=${_.value===w}>
                ${this.t("collection.option_count",{name:h(_.value),count:u(this.hass,_.records)})}
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
        ${s("format",t?.formats,o=>_t(this.hass,o))}
        ${s("genre",t?.genres,n)} ${s("style",t?.styles,n)}
        ${s("decade",t?.decades,o=>this.t("collection.decade_value",{decade:o}))}
      </div>
      <div class="filter-row second">
        <div class="shelves" role="group" aria-label=${this.t("collection.shelves")}>
        ${te.map(({shelf:o,testid:p})=>r`<button
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
              @change=${o=>{let p=o.target.value;this.change({sort:p,descending:is.has(p)})}}
            >
              ${Vt.map(o=>r`<option value=${o} ?selected=${o===e.sort}>
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
                <path fill="currentColor" d=${we} />
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
    </div>`}renderListing({records:t,total:e}){let s=wt(this.hass,"collection.total",e),n=r`<div class="result-line" aria-live="polite">
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
        </div>`}renderRecord(t){let e=[t.year?String(t.year):"",_t(this.hass,t.format)].filter(Boolean);return r`<li class="record" data-testid="collection-record" data-album-id=${t.album_id}>
      <a class="album-link" href=${z(t.album_id)} @click=${b}>
        <aime-cover fluid .src=${t.cover??null} label=""></aime-cover>
        <span class="title two-lines" dir="auto" title=${t.title}>${t.title}</span>
      </a>
      ${t.artist_id?r`<a class="artist ellipsis" dir="auto" title=${t.artist} href=${A(t.artist_id)} @click=${b}
            >${t.artist}</a
          >`:r`<span class="artist ellipsis" dir="auto" title=${t.artist}>${t.artist}</span>`}
      <span class="details ellipsis">${e.join(" \xB7 ")}</span>
      <span class="plays ${t.plays?"":"never"}">
        ${t.plays?at(this.hass,t.plays):this.t("collection.never_played")}
      </span>
    </li>`}};d([c()],G.prototype,"filters",2),d([c()],G.prototype,"listing",2),d([c()],G.prototype,"stats",2),d([c()],G.prototype,"facets",2),d([c()],G.prototype,"refreshing",2),d([c()],G.prototype,"loadingMore",2),d([c()],G.prototype,"moreError",2);y("aime-collection",G);var tt={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},rt=i=>(...a)=>({_$litDirective$:i,values:a}),J=class{constructor(a){}get _$AU(){return this._$AM._$AU}_$AT(a,t,e){this._$Ct=a,this._$AM=t,this._$Ci=e}_$AS(a,t){return this.update(a,t)}update(a,t){return this.render(...t)}};var mi={},os=rt(class extends J{constructor(){super(...arguments),this.ot=mi}render(i,a){return a()}update(i,[a,t]){if(Array.isArray(a)){if(Array.isArray(this.ot)&&this.ot.length===a.length&&a.every((e,s)=>e===this.ot[s]))return U}else if(this.ot===a)return U;return this.ot=Array.isArray(a)?Array.from(a):a,this.render(a,t)}});var{I:ui}=Ie,ls=i=>i;var ps=i=>i.strings===void 0,ds=()=>document.createComment(""),gt=(i,a,t)=>{let e=i._$AA.parentNode,s=a===void 0?i._$AB:a._$AA;if(t===void 0){let n=e.insertBefore(ds(),s),o=e.insertBefore(ds(),s);t=new ui(n,o,i,i.options)}else{let n=t._$AB.nextSibling,o=t._$AM,p=o!==i;if(p){let h;t._$AQ?.(i),t._$AM=i,t._$AP!==void 0&&(h=i._$AU)!==o._$AU&&t._$AP(h)}if(n!==s||p){let h=t._$AA;for(;h!==n;){let w=ls(h).nextSibling;ls(e).insertBefore(h,s),h=w}}}return t},nt=(i,a,t=i)=>(i._$AI(a,t),i),fi={},yt=(i,a=fi)=>i._$AH=a,cs=i=>i._$AH,Mt=i=>{i._$AR(),i._$AA.remove()};var hs=rt(class extends J{constructor(){super(...arguments),this.key=l}render(i,a){return this.key=i,a}update(i,[a,t]){return a!==this.key&&(yt(i),this.key=a),t}});var Tt=rt(class extends J{constructor(i){if(super(i),i.type!==tt.PROPERTY&&i.type!==tt.ATTRIBUTE&&i.type!==tt.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!ps(i))throw Error("`live` bindings can only contain a single expression")}render(i){return i}update(i,[a]){if(a===U||a===l)return a;let t=i.element,e=i.name;if(i.type===tt.PROPERTY){if(a===t[e])return U}else if(i.type===tt.BOOLEAN_ATTRIBUTE){if(!!a===t.hasAttribute(e))return U}else if(i.type===tt.ATTRIBUTE&&t.getAttribute(e)===a+"")return U;return yt(i),a}});var ms=(i,a,t)=>{let e=new Map;for(let s=a;s<=t;s++)e.set(i[s],s);return e},se=rt(class extends J{constructor(i){if(super(i),i.type!==tt.CHILD)throw Error("repeat() can only be used in text expressions")}dt(i,a,t){let e;t===void 0?t=a:a!==void 0&&(e=a);let s=[],n=[],o=0;for(let p of i)s[o]=e?e(p,o):o,n[o]=t(p,o),o++;return{values:n,keys:s}}render(i,a,t){return this.dt(i,a,t).values}update(i,[a,t,e]){let s=cs(i),{values:n,keys:o}=this.dt(a,t,e);if(!Array.isArray(s))return this.ut=o,n;let p=this.ut??=[],h=[],w,N,$=0,_=s.length-1,T=0,O=n.length-1;for(;$<=_&&T<=O;)if(s[$]===null)$++;else if(s[_]===null)_--;else if(p[$]===o[T])h[T]=nt(s[$],n[T]),$++,T++;else if(p[_]===o[O])h[O]=nt(s[_],n[O]),_--,O--;else if(p[$]===o[O])h[O]=nt(s[$],n[O]),gt(i,h[O+1],s[$]),$++,O--;else if(p[_]===o[T])h[T]=nt(s[_],n[T]),gt(i,s[$],s[_]),_--,T++;else if(w===void 0&&(w=ms(o,T,O),N=ms(p,$,_)),w.has(p[$]))if(w.has(p[_])){let Y=N.get(o[T]),Yt=Y!==void 0?s[Y]:null;if(Yt===null){let xe=gt(i,s[$]);nt(xe,n[T]),h[T]=xe}else h[T]=nt(Yt,n[T]),gt(i,s[$],Yt),s[Y]=null;T++}else Mt(s[_]),_--;else Mt(s[$]),$++;for(;T<=O;){let Y=gt(i,h[O+1]);nt(Y,n[T]),h[T++]=Y}for(;$<=_;){let Y=s[$++];Y!==null&&Mt(Y)}return this.ut=o,yt(i,h),U}});var ie=["lastfm","roon","home_assistant","listenbrainz","spotify","endpoint","aime_import","manual"],Dt=`${K}/journal`,gi=["text","artist_id","album_id","source","loved","first_day","last_day"],us=i=>i&&/^\d{1,15}$/.test(i)&&Number(i)>0?Number(i):void 0,fs=i=>i&&D(i)?i:void 0;function ae(i){let a=new URLSearchParams(i),t=a.get("source"),e={text:a.get("text")?.trim().slice(0,200)||void 0,artist_id:us(a.get("artist_id")),album_id:us(a.get("album_id")),source:t&&ie.includes(t)?t:void 0,loved:["1","true"].includes(a.get("loved")??"")?!0:void 0,first_day:fs(a.get("first_day")),last_day:fs(a.get("last_day"))};return Et(e)}function vt(i){let a=new URLSearchParams,t=Et(i);for(let s of gi){let n=t[s];n!==void 0&&a.set(s,s==="loved"?"1":String(n))}let e=a.toString();return e?`${Dt}?${e}`:Dt}function Et(i){return Object.fromEntries(Object.entries(i).filter(([,a])=>a!==void 0&&a!==""&&a!==!1))}var re=(i,a)=>vt(i)===vt(a),ne=i=>Object.keys(Et(i)).length>0,gs=i=>[K,`${K}/`,Dt,`${Dt}/`].includes(i);function ys(i,a){let t=i.local_time.slice(0,10),e=a.person!==void 0&&i.person===void 0;return a.person!==void 0&&!e&&i.person!==a.person||a.artist_id!==void 0&&i.artist_id!==a.artist_id||a.album_id!==void 0&&i.album_id!==a.album_id||a.source!==void 0&&!i.sources.includes(a.source)||a.loved&&!i.loved||a.first_day!==void 0&&t<a.first_day||a.last_day!==void 0&&t>a.last_day?!1:a.text||e?void 0:!0}var St=50,yi=1e3,vi=(i,a)=>i.played_at>a.played_at||i.played_at===a.played_at&&i.play_id>a.play_id,qt=i=>!!(i.first_day&&i.last_day&&i.first_day>i.last_day),Ft=class{constructor(a,t){this.host=a;this.hass=t;this.entries=[];this.total=0;this.status="loading";this.error="";this.refreshing=!1;this.loadingMore=!1;this.moreError="";this.exhausted=!1;this.fresh=new Set;this.pages=0;this.filter={};this.request=0;a.addController(this)}hostDisconnected(){clearTimeout(this.catchUpTimer)}async reload(a){let t=++this.request;if(this.filter=a,this.loadingMore=!1,this.moreError="",qt(a))return Object.assign(this,{entries:[],total:0,status:"ready",exhausted:!0,refreshing:!1}),this.host.requestUpdate();this.status==="ready"&&this.entries.length?this.refreshing=!0:this.status="loading",this.host.requestUpdate();try{let e=await ct(this.hass(),a,0,St);if(t!==this.request)return;Object.assign(this,{entries:e.entries,total:e.total,pages:1,fresh:new Set,status:"ready"}),this.exhausted=e.entries.length<St||e.entries.length>=e.total}catch(e){let s=await x(this.hass(),e);if(t!==this.request)return;Object.assign(this,{error:s,status:"error"})}this.refreshing=!1,this.host.requestUpdate()}async loadMore(){if(this.status!=="ready"||this.refreshing||this.loadingMore||this.exhausted)return;let a=this.request;this.loadingMore=!0,this.moreError="",this.host.requestUpdate();try{let t=await ct(this.hass(),this.filter,this.pages,St);if(a!==this.request)return;let e=new Set(this.entries.map(s=>s.play_id));this.entries=[...this.entries,...t.entries.filter(s=>!e.has(s.play_id))],this.total=Math.max(t.total,this.entries.length),this.pages+=1,this.exhausted=t.entries.length<St||this.entries.length>=this.total}catch(t){let e=await x(this.hass(),t);if(a!==this.request)return;this.moreError=e}this.loadingMore=!1,this.host.requestUpdate()}onLiveEvent(a){if(this.status!=="ready"||qt(this.filter))return;if(a.kind==="stats"){clearTimeout(this.catchUpTimer),this.catchUpTimer=setTimeout(()=>{this.catchUp()},yi);return}if(a.kind!=="play")return;let t=ys(a.play,this.filter);t===void 0?this.catchUp():t&&this.insert([a.play])}async catchUp(){let a=this.request;try{let t=await ct(this.hass(),this.filter,0,St);a===this.request&&this.status==="ready"&&this.insert(t.entries,t.total)}catch{}}insert(a,t){let e=[...this.entries],s=[];for(let n of a){let o=e.findIndex(h=>h.play_id===n.play_id);if(o>=0){e[o]={...e[o],...n};continue}let p=e.findIndex(h=>vi(n,h));p===-1&&!this.exhausted||(e.splice(p===-1?e.length:p,0,n),s.push(n.play_id))}this.entries=e,this.total=Math.max(t??this.total+s.length,e.length),s.length&&(this.fresh=new Set([...this.fresh,...s])),this.host.requestUpdate()}};var vs=(i,a,t)=>C(i,"set_loved",{track_id:a,loved:t});var bs=new Map;function oe(i,a){let t=i.locale?.language??i.language??"en",e=i.config?.time_zone,s=`${t}|${e}|${JSON.stringify(a)}`,n=bs.get(s);return n||(n=new Intl.DateTimeFormat(t,{...a,timeZone:e}),bs.set(s,n)),n}var Rt=(i,a)=>oe(i,{timeStyle:"short"}).format(a*1e3),le=(i,a)=>oe(i,{hour:"numeric",minute:"2-digit"}).format(typeof a=="number"?a*1e3:Date.parse(a)),xs=(i,a)=>oe(i,{dateStyle:"medium",timeStyle:"short"}).format(a*1e3),de=(i,a)=>a==="manual"?m(i,"journal.source.manual"):m(i,`common.source.${a}`);function Nt(i){return r`<a class="artist" dir="auto" title=${i.artist} href=${A(i.artist_id)} @click=${b}
    >${i.artist}</a
  >`}function zt(i){return r`<a class="album" dir="auto" title=${i.album} href=${z(i.album_id)} @click=${b}
    >${i.album}</a
  >`}function jt(i,a){return r`<span class="badges"
    >${a.map(t=>r`<span class="badge" data-source=${t}>${de(i,t)}</span>`)}</span
  >`}function Ut(i,a){if(!M(i)){if(!a.loved)return l;let t=m(i,"common.loved");return r`<svg class="heart" viewBox="0 0 24 24" role="img" aria-label=${t} data-testid="loved">
      <title>${t}</title>
      <path d=${pt} />
    </svg>`}return r`<button
    class="love"
    type="button"
    aria-pressed=${a.loved?"true":"false"}
    aria-label=${m(i,"common.love")}
    title=${m(i,"common.love")}
    data-testid="love-toggle"
    data-track-id=${a.track_id}
    @click=${t=>bi(i,a,t.currentTarget)}
  >
    <svg class="heart" viewBox="0 0 24 24" aria-hidden="true" data-testid=${a.loved?"loved":"not-loved"}>
      <path d=${a.loved?pt:Kt} />
    </svg>
  </button>`}async function bi(i,a,t){let e=!a.loved,s=t.getRootNode(),n=o=>{a.loved=o;for(let p of s.querySelectorAll(`button.love[data-track-id="${a.track_id}"]`))p.setAttribute("aria-pressed",o?"true":"false"),p.querySelector("svg")?.setAttribute("data-testid",o?"loved":"not-loved"),p.querySelector("path")?.setAttribute("d",o?pt:Kt)};n(e);try{await vs(i,a.track_id,e)}catch(o){n(!e);let p=await x(i,o);t.dispatchEvent(new CustomEvent("hass-notification",{detail:{message:m(i,"common.love_failed",{message:p})},bubbles:!0,composed:!0}))}}var Bt=f`
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
  button.love {
    display: inline-flex;
    flex: none;
    padding: 2px;
    border: none;
    border-radius: 50%;
    background: none;
    cursor: pointer;
  }
  button.love[aria-pressed="false"] .heart {
    fill: var(--secondary-text-color);
    opacity: 0.6;
  }
  button.love:hover .heart,
  button.love:focus-visible .heart {
    opacity: 1;
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
`;function ws(i,a){let{hass:t}=a;return r`<li class="row ${a.fresh?"fresh":""}" data-testid="journal-row" data-play-id=${i.play_id}>
    <aime-cover .src=${i.cover??null} .size=${a.narrow?40:48} label=${i.album}></aime-cover>
    <div class="text">
      <div class="line">
        <span class="title ellipsis" dir="auto" title=${i.title} data-testid="journal-title">${i.title}</span>
        ${Ut(t,i)}
      </div>
      <div class="line muted">
        <span class="ellipsis">${Nt(i)} · ${zt(i)}</span>
      </div>
    </div>
    <div class="actions">
      ${$s(a,"artist",i.artist,{artist_id:i.artist_id})}
      ${$s(a,"album",i.album,{album_id:i.album_id})}
    </div>
    <div class="aside">
      <time datetime=${i.local_time} title=${xs(t,i.played_at)}
        >${Rt(t,i.played_at)}</time
      >
      <div class="where">
        ${i.device?r`<span class="device muted ellipsis">${i.device}</span>`:l}
        ${jt(t,i.sources)}
      </div>
    </div>
  </li>`}function $s(i,a,t,e){let s=m(i.hass,`journal.only_${a}`,{name:t});return r`<button
    class="filter-action"
    data-testid="journal-filter-${a}"
    aria-label=${s}
    title=${s}
    @click=${()=>i.filter(e)}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Ee} /></svg>${m(i.hass,`journal.filter_${a}`)}
  </button>`}var _s=f`
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
`;var xi=3,$i=300,Wt=class extends I{constructor(){super(...arguments);this.filter={};this.feed=new Ft(this,()=>this.hass);this.started=!1;this.names=new Map;this.text=new ft;this.onLocationChanged=()=>{if(!gs(location.pathname))return;let t=ae(location.search);re(t,this.filter)||(this.text.cancel(),this.filter=t,this.feed.reload(this.scoped(t)))};this.onlyThis=t=>{this.setFilter(t),window.scrollTo({top:0})}}static{this.styles=[v,Bt,_s]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocationChanged),window.addEventListener("popstate",this.onLocationChanged),this.filter=ae(location.search),this.started&&this.feed.reload(this.scoped(this.filter))}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocationChanged),window.removeEventListener("popstate",this.onLocationChanged),this.text.cancel(),this.observer?.disconnect(),this.observer=this.observed=void 0}shouldUpdate(t){return!this.onlyStatesChanged(t)}willUpdate(t){super.willUpdate(t),!this.started&&this.hass?(this.started=!0,this.feed.reload(this.scoped(this.filter))):this.started&&this.personChanged(t)&&this.feed.reload(this.scoped(this.filter))}updated(){let t=this.renderRoot.querySelector(".sentinel")??void 0;t!==this.observed&&(this.observed&&this.observer?.unobserve(this.observed),this.observed=t,t&&(this.observer??=new IntersectionObserver(e=>{e.some(s=>s.isIntersecting)&&this.feed.loadMore()},{rootMargin:"600px 0px"}),this.observer.observe(t)))}onLiveEvent(t){this.feed.onLiveEvent(t)}scoped(t){return this.person?{...t,person:this.person}:t}setFilter(t,e=!1){this.text.cancel();let s=Et({...this.filter,...t});return re(s,this.filter)?Promise.resolve():(this.filter=s,X(vt(s),e),this.feed.reload(this.scoped(s)))}onText(t){let e=t.target.value.trim(),s=e.length>0&&e.length<xi?$i:0;this.text.run(()=>this.setFilter({text:e},!0),s)}onTextKey(t){t.key==="Enter"&&this.setFilter({text:t.target.value.trim()},!0)}onDay(t,e){let s=e.target.value;(s===""||D(s))&&this.setFilter({[t]:s||void 0})}clearFilters(){let t=this.renderRoot.querySelector("[data-testid=journal-search]");t&&(t.value=""),this.setFilter({text:void 0,artist_id:void 0,album_id:void 0,source:void 0,loved:void 0,first_day:void 0,last_day:void 0})}render(){return r`
      <h2 class="visually-hidden">${this.t("panel.nav.journal")}</h2>
      ${this.renderFilters()} ${this.renderSummary()}
      <div
        class="list ${this.feed.refreshing?"refreshing":""}"
        data-testid="journal-list"
        aria-busy=${this.feed.refreshing||this.feed.status==="loading"?"true":"false"}
      >
        ${this.renderBody()}
      </div>
    `}renderFilters(){let t=this.filter,e=ht(this.hass);return r`<div class="card filters" role="search">
      <label class="search">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Se} /></svg>
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
          <option value="" .selected=${Tt(!t.source)}>${this.t("journal.source_any")}</option>
          ${ie.map(s=>r`<option value=${s} .selected=${Tt(t.source===s)}>${de(this.hass,s)}</option>`)}
        </select>
      </label>
      <button
        class="toggle"
        data-testid="journal-loved"
        aria-pressed=${t.loved?"true":"false"}
        @click=${()=>this.setFilter({loved:t.loved?void 0:!0})}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${pt} /></svg>
        ${this.t("journal.loved_only")}
      </button>
      <div class="days">
        <label class="field"
          >${this.t("common.from")}
          <aime-date-input
            data-testid="journal-first-day"
            .hass=${this.hass}
            label=${this.t("common.from")}
            .value=${Tt(t.first_day??"")}
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
            .value=${Tt(t.last_day??"")}
            min=${t.first_day??""}
            max=${e}
            @change=${s=>this.onDay("last_day",s)}
          ></aime-date-input
        ></label>
      </div>
    </div>`}renderSummary(){let t=this.filter,e=[t.artist_id!==void 0?this.chip("artist",this.nameOf("artist",t.artist_id),{artist_id:void 0}):l,t.album_id!==void 0?this.chip("album",this.nameOf("album",t.album_id),{album_id:void 0}):l],s=this.feed.entries.length,n=this.feed.status!=="ready"?"":s>=this.feed.total?this.t(this.feed.total===1?"journal.total_one":"journal.total_all",{total:u(this.hass,this.feed.total)}):this.t("journal.total",{shown:u(this.hass,s),total:u(this.hass,this.feed.total)});return r`<div class="summary">
      ${e}
      ${ne(t)?r`<button class="link" data-testid="journal-clear" @click=${this.clearFilters}>${this.t("journal.clear")}</button>`:l}
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
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Te} /></svg>
      </button>
    </span>`}renderBody(){if(this.feed.status==="loading")return this.renderSkeleton();if(this.feed.status==="error")return r`<div class="card state error" role="alert" data-testid="error">
        <p>${this.t("common.error",{message:this.feed.error})}</p>
        <button @click=${()=>{this.feed.reload(this.scoped(this.filter))}}>${this.t("common.retry")}</button>
      </div>`;if(qt(this.filter))return r`<div class="card state error" role="alert" data-testid="journal-range-error">${this.t("journal.bad_range")}</div>`;if(!this.feed.entries.length){let t=ne(this.filter);return r`<div class="card state empty" data-testid="journal-empty">
        <p>${this.t(t?"journal.no_match":"journal.empty")}</p>
        ${t?r`<button @click=${this.clearFilters}>${this.t("journal.clear")}</button>`:l}
      </div>`}return r`${se(this.groups(),([t])=>t,([t,e])=>r`<section class="day" data-testid="journal-day" data-day=${t}>
        <h3>${this.dayTitle(t)}</h3>
        <ol class="card rows">
          ${se(e,s=>s.play_id,s=>this.guardedRow(s))}
        </ol>
      </section>`)}
    ${this.renderEnd()}`}groups(){let t=new Map;for(let e of this.feed.entries){let s=e.local_time.slice(0,10),n=t.get(s);n?n.push(e):t.set(s,[e])}return[...t]}dayTitle(t){let e=ht(this.hass),s=t.slice(0,4)===e.slice(0,4),n=L(this.hass,t,{weekday:"long",day:"numeric",month:"long",...s?{}:{year:"numeric"}}),o=t===e?"journal.today":t===Z(e,-1)?"journal.yesterday":"";return o?r`${this.t(o)} <span class="muted">${n}</span>`:n}guardedRow(t){let e=this.feed.fresh.has(t.play_id),s=this.hass;return os([t,e,this.narrow,s.locale,s.language,s.config?.time_zone],()=>ws(t,{hass:s,narrow:this.narrow,fresh:e,filter:this.onlyThis}))}renderEnd(){return this.feed.moreError?r`<div class="end error" role="alert">
        ${this.t("journal.more_error",{message:this.feed.moreError})}
        <button @click=${()=>{this.feed.loadMore()}}>${this.t("common.retry")}</button>
      </div>`:this.feed.exhausted?l:r`${hs(this.feed.pages,r`<div class="sentinel" aria-hidden="true"></div>`)}
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
    </div>`}};d([c()],Wt.prototype,"filter",2);y("aime-journal",Wt);var ks=i=>P(i,"aime/playlists/list"),Ts=(i,a)=>P(i,"aime/playlists/get",{playlist_id:a});var Es=["top_sessions","artist_correlations","artist_flow","time_based","complete_albums","rediscovery","ai_generated"],Ss=["all","today","week","month","year","7d","30d","365d"],Rs=["any","weekday","weekend"],Ls=["m3u","json","csv"],S={minTracks:5,maxTracks:100,defaultTracks:25,maxPrompt:1e3,maxName:255,defaultRediscoveryDays:90,maxRediscoveryDays:36500,maxSeed:2147483647},Ps=i=>`media-source://aime/playlist/${i}`,Lt=i=>i?`/aime/playlists/${i}`:"/aime/playlists";function bt(i,a){let t=`playlists.algorithm.${a}`,e=m(i,t);return e===t?a:e}function Is(i,a){if(a==null)return"\u2013";let t=Math.round(a),e=Math.floor(t/3600),s=Math.floor(t%3600/60),n=String(t%60).padStart(2,"0");return e?`${u(i,e)}:${String(s).padStart(2,"0")}:${n}`:`${s}:${n}`}var As=(i,a,t)=>a==null?i:r`<a class="muted" dir="auto" title=${i} href=${t(a)} @click=${b}>${i}</a>`,q=class extends R{constructor(){super(...arguments);this.preview=!1;this.mode="view";this.busy=!1;this.format="m3u";this.changeError="";this.newName="";this.cancelOnEscape=t=>{t.key==="Escape"&&(this.mode="view")};this.confirmDelete=async()=>{this.changeError="",this.mode="confirm-delete",await this.updateComplete,this.renderRoot.querySelector("[data-testid=playlist-delete-cancel]")?.focus()};this.startRename=async()=>{this.newName=this.playlist.name,this.changeError="",this.mode="rename",await this.updateComplete,this.renderRoot.querySelector("#name")?.select()}}static{this.styles=[v,f`
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
    `]}t(t,e){return m(this.hass,t,e)}willUpdate(t){let e=t.get("playlist");t.has("playlist")&&e?.id!==this.playlist?.id&&(this.mode="view",this.exported=void 0,this.changeError="")}render(){let t=this.playlist;return t?r`<article class="card" data-testid="playlist-detail" data-playlist-id=${t.id??""}>
      <header>
        <h2 class="name-heading" dir="auto" title=${t.name}>${t.name}</h2>
        <span class="badge">${bt(this.hass,t.algorithm)}</span>
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
                    >${As(e.artist,e.artist_id,A)} ·
                    ${As(e.album,e.album_id,z)}</span
                  >
                </span>
                <span class="length">${Is(this.hass,e.duration)}</span>
              </li>`)}
          </ol>`:r`<p class="state">${this.t("playlists.no_tracks")}</p>`}
    </article>`:l}renderFacts(t){let e=t.track_count??t.tracks.length,s=t.total_duration??t.tracks.reduce((n,o)=>n+(o.duration??0),0);return r`<div class="facts muted">
      ${t.created_at?r`<span>${this.t("playlists.created",{date:E(this.hass,t.created_at)})}</span>`:l}
      <span>${this.t("playlists.track_count",{count:u(this.hass,e)})}</span>
      <span>${H(this.hass,s)}</span>
      ${t.unknown_durations?r`<span>${this.t("playlists.unknown_durations",{count:u(this.hass,t.unknown_durations)})}</span>`:l}
      ${t.unique_artists!==void 0?r`<span>${this.t("playlists.artist_count",{count:u(this.hass,t.unique_artists)})}</span>`:l}
      ${t.unique_albums!==void 0?r`<span>${this.t("playlists.album_count",{count:u(this.hass,t.unique_albums)})}</span>`:l}
    </div>`}renderActions(t){let e=M(this.hass);return r`<div class="actions">
      <div class="action-row">
        <span class="label">${this.t("common.play_in")}</span>
        <aime-zone-picker
          data-testid="playlist-play"
          .hass=${this.hass}
          media-id=${Ps(t)}
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
          ${Ls.map(s=>r`<option value=${s} ?selected=${s===this.format}>${this.t(`playlists.format.${s}`)}</option>`)}
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
          maxlength=${S.maxName}
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
      </div>`:M(this.hass)?r`<div class="action-row">
      <button data-testid="playlist-rename" @click=${this.startRename}>${this.t("playlists.rename")}</button>
      <span class="spacer"></span>
      <button class="danger" data-testid="playlist-delete" @click=${this.confirmDelete}>
        ${this.t("playlists.delete")}
      </button>
      ${e}
    </div>`:l}async export(t){this.busy=!0,this.exported=void 0;try{let e=await C(this.hass,"export_playlist",{playlist_id:t,format:this.format},!0);this.exported={kind:"done",text:this.t("playlists.exported",{path:e?.path??""})}}catch(e){this.exported={kind:"error",text:await x(this.hass,e)}}finally{this.busy=!1}}async rename(t,e){t.preventDefault();let s=this.newName.trim();if(s){this.busy=!0;try{await C(this.hass,"rename_playlist",{playlist_id:e,name:s},!0),this.mode="view",this.changeError="",this.fire("playlist-changed",{...this.playlist,name:s})}catch(n){this.changeError=await x(this.hass,n)}finally{this.busy=!1}}}async deletePlaylist(t){this.busy=!0;try{await C(this.hass,"delete_playlist",{playlist_id:t}),this.mode="view",this.fire("playlist-deleted",t)}catch(e){this.changeError=await x(this.hass,e)}finally{this.busy=!1}}fire(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}};d([g({attribute:!1})],q.prototype,"hass",2),d([g({attribute:!1})],q.prototype,"playlist",2),d([g({type:Boolean})],q.prototype,"preview",2),d([c()],q.prototype,"mode",2),d([c()],q.prototype,"busy",2),d([c()],q.prototype,"format",2),d([c()],q.prototype,"exported",2),d([c()],q.prototype,"changeError",2),d([c()],q.prototype,"newName",2);y("aime-playlist-detail",q);var wi={algorithm:"top_sessions",max_tracks:String(S.defaultTracks),window:"all",name:"",prompt:"",hour:"",day_type:"any",rediscovery_days:String(S.defaultRediscoveryDays),seed:""};function Gt(i,a,t){if(!/^\d+$/.test(i.trim()))return;let e=Number(i);return e>=a&&e<=t?e:void 0}var lt=class extends R{constructor(){super(...arguments);this.fields={...wi};this.busy=!1;this.error="";this.cancel=()=>{this.dispatchEvent(new CustomEvent("generate-cancelled",{bubbles:!0,composed:!0}))};this.submit=async t=>{if(t.preventDefault(),this.busy)return;let e=this.request();if(typeof e=="string"){this.error=e;return}this.busy=!0,this.error="";try{let s=await C(this.hass,"generate_playlist",e,!0);s&&this.dispatchEvent(new CustomEvent("playlist-generated",{detail:s,bubbles:!0,composed:!0}))}catch(s){this.error=await x(this.hass,s)}finally{this.busy=!1}}}static{this.styles=[v,Ae,f`
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
    `]}t(t,e){return m(this.hass,t,e)}render(){let t=this.fields;return r`<form class="card" data-testid="playlist-generate-form" @submit=${this.submit} novalidate>
      <h3 class="wide">${this.t("playlists.generate_title")}</h3>
      <label class="wide">
        ${this.t("playlists.field.algorithm")}
        <select data-testid="playlist-algorithm" .value=${t.algorithm} @change=${this.set("algorithm")}>
          ${Es.map(e=>r`<option value=${e} ?selected=${e===t.algorithm}>
                ${bt(this.hass,e)}
              </option>`)}
        </select>
        <span class="hint" data-testid="playlist-algorithm-hint">${this.t(`playlists.algorithm_hint.${t.algorithm}`)}</span>
      </label>
      ${t.algorithm==="ai_generated"?r`<label class="wide">
            ${this.t("playlists.field.prompt")}
            <textarea
              data-testid="playlist-prompt"
              maxlength=${S.maxPrompt}
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
          min=${S.minTracks}
          max=${S.maxTracks}
          .value=${t.max_tracks}
          @input=${this.set("max_tracks")}
        />
      </label>
      <label>
        ${this.t("playlists.field.window")}
        <select data-testid="playlist-window" .value=${t.window} @change=${this.set("window")}>
          ${Ss.map(e=>r`<option value=${e} ?selected=${e===t.window}>${this.t(`playlists.window.${e}`)}</option>`)}
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
              max=${S.maxRediscoveryDays}
              .value=${t.rediscovery_days}
              @input=${this.set("rediscovery_days")}
            />
          </label>`:l}
      <label>
        ${this.t("playlists.field.name")}
        <input
          data-testid="playlist-name"
          maxlength=${S.maxName}
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
          max=${S.maxSeed}
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
          ${Rs.map(e=>r`<option value=${e} ?selected=${e===t.day_type}>${this.t(`playlists.day_type.${e}`)}</option>`)}
        </select>
      </label>`}set(t){return e=>{let s=e.target.value;this.fields={...this.fields,[t]:s},this.error=""}}request(){let t=this.fields,e=Gt(t.max_tracks,S.minTracks,S.maxTracks);if(e===void 0)return this.t("playlists.invalid.max_tracks",{min:S.minTracks,max:S.maxTracks});let s={algorithm:t.algorithm,max_tracks:e,window:t.window,name:t.name.trim()};if(t.seed.trim()&&(s.seed=Gt(t.seed,0,S.maxSeed),s.seed===void 0))return this.t("playlists.invalid.seed",{max:S.maxSeed});if(t.algorithm==="ai_generated"){if(!t.prompt.trim())return this.t("playlists.invalid.prompt");s.prompt=t.prompt.trim()}return t.algorithm==="time_based"&&(s.day_type=t.day_type,t.hour.trim()&&(s.hour=Gt(t.hour,0,23),s.hour===void 0))?this.t("playlists.invalid.hour"):t.algorithm==="rediscovery"&&(s.rediscovery_days=Gt(t.rediscovery_days,1,S.maxRediscoveryDays),s.rediscovery_days===void 0)?this.t("playlists.invalid.rediscovery_days",{max:S.maxRediscoveryDays}):B(s)}};d([g({attribute:!1})],lt.prototype,"hass",2),d([c()],lt.prototype,"fields",2),d([c()],lt.prototype,"busy",2),d([c()],lt.prototype,"error",2);y("aime-playlist-generator",lt);var dt=class extends I{constructor(){super(...arguments);this.list=k;this.generating=!1;this.previewId=null;this.detailRequest=0;this.onGenerated=t=>{let e=t.detail;this.generating=!1,this.previewId=e.id,this.detail={status:"ready",value:e},this.detailRequest++,this.loadList(!0),e.id&&X(Lt(e.id))};this.onChanged=t=>{this.detail={status:"ready",value:t.detail},this.loadList(!0)};this.onDeleted=()=>{this.detail=void 0,this.previewId=null,this.loadList(!0),X(Lt(),!0)}}static{this.styles=[v,f`
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
    `]}get selectedId(){let t=Number(this.params?.id);return Number.isInteger(t)&&t>0?t:null}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.loadList(),this.hass&&this.selectedId!==this.openedId&&this.openSelected()}loadList(t=!1){return this.load(()=>ks(this.hass).then(e=>e.playlists),e=>this.list=e,t)}openSelected(t=!1){let e=this.selectedId;if(this.openedId=e,e===null){this.detail=void 0,this.detailRequest++;return}if((this.detail?.status==="ready"?this.detail.value.id:void 0)===e&&!t)return;e!==this.previewId&&(this.previewId=null);let n=++this.detailRequest;this.load(()=>Ts(this.hass,e),o=>{n===this.detailRequest&&(this.detail=o)},t)}onLiveEvent(t){t.kind==="playlists"&&(this.loadList(!0),this.selectedId!==null&&this.openSelected(!0))}render(){let t=this.selectedId,e=`layout${this.narrow?" narrow":""}${t===null?"":" selected"}`;return r`<div class=${e} data-testid="view-playlists">
      <div class="pane list-pane">${this.renderList(t)}</div>
      <div class="pane detail-pane">
        <a class="back" href=${Lt()} @click=${b} data-testid="playlist-back"
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
            href=${Lt(s.id)}
            data-testid="playlist-row"
            data-playlist-id=${s.id}
            aria-current=${s.id===e?"page":"false"}
            @click=${b}
          >
            <span class="icon-disc" aria-hidden="true"><svg viewBox="0 0 24 24"><path d=${Pe} /></svg></span>
            <span class="ellipsis">
              <span class="name" dir="auto" title=${s.name}>${s.name}</span><br />
              <span class="muted"
                >${bt(this.hass,s.algorithm)} ·
                ${E(this.hass,s.created_at,{dateStyle:"medium"})}</span
              >
            </span>
            <span class="figures muted">
              ${this.t("playlists.track_count",{count:u(this.hass,s.track_count)})}<br />
              ${H(this.hass,s.total_duration)}
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
      ></aime-playlist-detail>`,()=>this.openSelected())}`:l}};d([c()],dt.prototype,"list",2),d([c()],dt.prototype,"detail",2),d([c()],dt.prototype,"generating",2),d([c()],dt.prototype,"previewId",2);y("aime-playlists",dt);var _i=50,Hs=(i,a=_i)=>P(i,"aime/outbox",{limit:a}),pe=(i,a)=>i.accounts.find(t=>t.destination===a.destination&&t.account===a.account),Cs=(i,a,t)=>C(i,"retry_outbox",{config_entry_id:a.entry_id,ids:[t.id]},!0),Os=i=>P(i,"aime/imports").then(a=>a.imports),Ms=3e3,Ds=i=>i.total>0?Math.min(1,i.done/i.total):void 0,qs=(i,a)=>a.kind==="lastfm"?C(i,"cancel_lastfm_import",{config_entry_id:a.entry_id}):C(i,"cancel_aime_import",{}),Fs=i=>P(i,"aime/endpoint_tokens"),Ns=(i,a)=>`${i.replace(/\/+$/,"")}${a.path}`,zs=i=>`/config/integrations/integration/aime#config_entry=${encodeURIComponent(i.entry_id)}`,ki=["too_old","on_account","ignored","rate_limited","unavailable","network","auth","rejected"],js=i=>ki.includes(i)?`scrobbling.reason.${i}`:"scrobbling.reason.other",Us=i=>({queued:(i.queued??0)+(i.sending??0),sent:i.sent??0,not_sent:i.not_sent??0,failed:i.failed??0});var Bs=f`
  .sections {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .card > header {
    display: flex;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  .card > header h2 {
    flex: 1;
  }
  .intro {
    margin: 0 0 12px;
  }
  .accounts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin: 0 0 12px;
  }
  .account-name {
    font-weight: 500;
  }
  .counts {
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 8px;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
    vertical-align: top;
  }
  th {
    font-weight: 500;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .badge {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 10px;
    font-size: 0.8rem;
    white-space: nowrap;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge.sent {
    background: rgba(var(--rgb-success-color, 67, 160, 71), 0.18);
  }
  .badge.failed {
    background: rgba(var(--rgb-error-color, 219, 68, 55), 0.18);
  }
  .badge.not_sent {
    background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.18);
  }
  .import {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 4px 12px;
    align-items: center;
    padding: 8px 0;
  }
  .import + .import {
    border-top: 1px solid var(--divider-color, #e0e0e0);
  }
  progress {
    grid-column: 1 / -1;
    width: 100%;
    height: 8px;
    accent-color: var(--primary-color);
  }
  .url {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin: 0 0 12px;
  }
  .url code {
    padding: 6px 8px;
    border-radius: 6px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    word-break: break-all;
  }
  .notice {
    margin: 8px 0 0;
  }
`;var et=class extends I{constructor(){super(...arguments);this.outbox=k;this.imports=k;this.tokens=k;this.busy=new Set;this.copied=!1}static{this.styles=[v,Bs]}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.loadAll()}connectedCallback(){super.connectedCallback(),this.poll=setInterval(()=>this.hass&&this.loadImports(!0),Ms)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this.poll)}loadAll(){this.loadOutbox(),this.loadImports(),M(this.hass)&&this.load(()=>Fs(this.hass),t=>this.tokens=t)}loadOutbox(t=!1){return this.load(()=>Hs(this.hass),e=>this.outbox=e,t)}loadImports(t=!1){return this.load(()=>Os(this.hass),e=>this.imports=e,t)}onLiveEvent(){this.loadOutbox(!0)}render(){return r`<div class="sections" data-testid="view-scrobbling">
      ${this.renderOutbox()} ${this.renderImports()} ${M(this.hass)?this.renderEndpoint():l}
    </div>`}renderNotice(t){return this.notice?.section===t?r`<p class="notice muted" role="status" data-testid="${t}-notice">${this.notice.text}</p>`:l}renderOutbox(){return r`<section class="card" aria-labelledby="outbox-title" data-testid="outbox">
      <header><h2 id="outbox-title">${this.t("scrobbling.outbox.title")}</h2></header>
      <p class="intro muted">${this.t("scrobbling.outbox.intro")}</p>
      ${this.renderLoad(this.outbox,t=>this.renderOutboxBody(t),()=>this.loadOutbox())}
      ${this.renderNotice("outbox")}
    </section>`}renderOutboxBody(t){return!t.accounts.length&&!t.items.length?r`<div class="state" data-testid="outbox-none">${this.t("scrobbling.outbox.none")}</div>`:r`<div class="accounts">
        ${t.accounts.map(e=>r`<div data-testid="outbox-account">
            <div class="account-name">${e.title}</div>
            ${this.renderCounts(e.counts)}
          </div>`)}
      </div>
      ${t.items.length?r`<div class="table-wrap">
            <table data-testid="outbox-rows">
              <thead>
                <tr>
                  <th>${this.t("scrobbling.outbox.track")}</th>
                  <th>${this.t("scrobbling.outbox.account")}</th>
                  <th>${this.t("scrobbling.outbox.state")}</th>
                  <th>${this.t("scrobbling.outbox.detail")}</th>
                  ${M(this.hass)?r`<th><span class="visually-hidden">${this.t("scrobbling.outbox.retry")}</span></th>`:l}
                </tr>
              </thead>
              <tbody>
                ${t.items.map(e=>this.renderRow(t,e))}
              </tbody>
            </table>
          </div>`:r`<div class="state" data-testid="outbox-empty">${this.t("scrobbling.outbox.empty")}</div>`}`}renderCounts(t){let e=Us(t);return r`<div class="counts muted">
      ${Object.keys(e).map(s=>r`<span data-testid="count-${s}">${this.t(`scrobbling.state.${s}`)} ${u(this.hass,e[s])}</span>`)}
    </div>`}renderRow(t,e){let s=pe(t,e),n=`retry:${e.id}`;return r`<tr data-testid="outbox-row" data-state=${e.state}>
      <td>
        <div dir="auto">${e.title}</div>
        <div class="muted" dir="auto">
          ${e.artist}${e.played_at?r` · ${E(this.hass,e.played_at)}`:l}
        </div>
      </td>
      <td class="muted">${s?.title??e.account}</td>
      <td><span class="badge ${e.state}">${this.t(`scrobbling.state.${e.state}`)}</span></td>
      <td class="muted">${this.detail(e)}</td>
      ${M(this.hass)?r`<td>
            ${e.state==="failed"&&s?r`<button data-testid="outbox-retry" ?disabled=${this.busy.has(n)} @click=${()=>this.retry(t,e)}>
                  ${this.t("scrobbling.outbox.retry")}
                </button>`:l}
          </td>`:l}
    </tr>`}detail(t){let e=[];return t.reason&&e.push(this.t(js(t.reason),{reason:t.reason})),t.next_attempt_at&&e.push(this.t("scrobbling.outbox.next_attempt",{time:E(this.hass,t.next_attempt_at)})),t.state==="sent"&&t.sent_at&&e.push(this.t("scrobbling.outbox.sent_at",{time:E(this.hass,t.sent_at)})),e.join(" ")}async retry(t,e){let s=pe(t,e);s&&await this.act(`retry:${e.id}`,"outbox",async()=>(await Cs(this.hass,s,e),await this.loadOutbox(!0),this.t("scrobbling.outbox.retried")))}async act(t,e,s){this.busy=new Set([...this.busy,t]);try{this.notice={section:e,text:await s()}}catch(n){this.notice={section:e,text:await x(this.hass,n)}}finally{let n=new Set(this.busy);n.delete(t),this.busy=n}}renderImports(){return r`<section class="card" aria-labelledby="imports-title" data-testid="imports">
      <header><h2 id="imports-title">${this.t("scrobbling.imports.title")}</h2></header>
      ${this.renderLoad(this.imports,t=>t.length?t.map(e=>this.renderImport(e)):r`<div class="muted" data-testid="imports-none">${this.t("scrobbling.imports.none")}</div>`)}
      ${this.renderNotice("imports")}
    </section>`}renderImport(t){let e=this.t(`scrobbling.imports.kind.${t.kind}`),s=Ds(t),n=`cancel:${t.kind}:${t.entry_id??""}`,o=t.total<=0?this.t("scrobbling.imports.starting"):this.t(t.kind==="lastfm"?"scrobbling.imports.pages":"scrobbling.imports.batches",{done:u(this.hass,t.done),total:u(this.hass,t.total),plays:u(this.hass,t.plays??0)});return r`<div class="import" data-testid="import" data-kind=${t.kind}>
      <div>
        <div><strong>${e}</strong> · <span dir="auto">${t.account??t.file??""}</span></div>
        <div class="muted">
          ${t.status==="paused"?this.t("scrobbling.imports.paused"):o}
          ${t.started_at?r` · ${this.t("scrobbling.imports.started",{time:E(this.hass,t.started_at)})}`:l}
        </div>
      </div>
      ${M(this.hass)&&t.cancellable?r`<button data-testid="import-cancel" ?disabled=${this.busy.has(n)} @click=${()=>this.cancel(t,n)}>
            ${this.t("scrobbling.imports.cancel")}
          </button>`:r`<span></span>`}
      <progress
        aria-label=${this.t("scrobbling.imports.progress",{name:e})}
        max="1"
        .value=${s??0}
        ?indeterminate=${s===void 0}
        data-testid="import-progress"
      ></progress>
    </div>`}async cancel(t,e){await this.act(e,"imports",async()=>(await qs(this.hass,t),await this.loadImports(!0),this.t("scrobbling.imports.cancelling")))}renderEndpoint(){return r`<section class="card" aria-labelledby="endpoint-title" data-testid="endpoint">
      <header><h2 id="endpoint-title">${this.t("scrobbling.endpoint.title")}</h2></header>
      <p class="intro muted">${this.t("scrobbling.endpoint.intro")}</p>
      ${this.renderLoad(this.tokens,t=>this.renderTokens(t))}
    </section>`}renderTokens(t){let e=Ns(location.origin,t);return r`<div class="url">
        <span class="muted">${this.t("scrobbling.endpoint.url")}</span>
        <code data-testid="endpoint-url">${e}</code>
        <button @click=${()=>this.copy(e)}>
          ${this.t(this.copied?"scrobbling.endpoint.copied":"scrobbling.endpoint.copy")}
        </button>
      </div>
      ${t.tokens.length?r`<div class="table-wrap">
            <table data-testid="endpoint-tokens">
              <thead>
                <tr>
                  <th>${this.t("scrobbling.endpoint.name")}</th>
                  <th>${this.t("scrobbling.endpoint.person")}</th>
                  <th>${this.t("scrobbling.endpoint.created")}</th>
                  <th>${this.t("scrobbling.endpoint.last_used")}</th>
                </tr>
              </thead>
              <tbody>
                ${t.tokens.map(s=>r`<tr data-testid="endpoint-token">
                    <td dir="auto">${s.name}</td>
                    <td>${this.personName(s.person)}</td>
                    <td class="muted">${s.created_at?E(this.hass,s.created_at):"\u2013"}</td>
                    <td class="muted">
                      ${s.last_used_at?E(this.hass,s.last_used_at):this.t("scrobbling.endpoint.never")}
                    </td>
                  </tr>`)}
              </tbody>
            </table>
          </div>`:r`<div class="muted" data-testid="endpoint-none">${this.t("scrobbling.endpoint.none")}</div>`}
      <p class="notice">
        <a href=${zs(t)} data-testid="endpoint-manage">${this.t("scrobbling.endpoint.manage")}</a>
        <span class="muted"> · ${this.t("scrobbling.endpoint.manage_hint")}</span>
      </p>`}personName(t){return t?this.hass.states[t]?.attributes.friendly_name??t:this.t("scrobbling.endpoint.household")}async copy(t){try{await navigator.clipboard.writeText(t),this.copied=!0}catch{}}};d([c()],et.prototype,"outbox",2),d([c()],et.prototype,"imports",2),d([c()],et.prototype,"tokens",2),d([c()],et.prototype,"notice",2),d([c()],et.prototype,"busy",2),d([c()],et.prototype,"copied",2);y("aime-scrobbling",et);function Jt(i,a="short"){let t=new Intl.DateTimeFormat(i.locale?.language??i.language,{weekday:a,timeZone:"UTC"});return Array.from({length:7},(e,s)=>t.format(new Date(Date.UTC(2024,0,1+s))))}function he(i,a){return new Intl.DateTimeFormat(i.locale?.language??i.language,{hour:"numeric",timeZone:"UTC"}).format(new Date(Date.UTC(2024,0,1,a)))}function Ws(i,a,t,e=!1){if(t==="month")return L(i,a,{month:e?"long":"short",year:"numeric"});let s=L(i,a,e?{dateStyle:"medium"}:{day:"numeric",month:"short"});return t==="week"&&e?m(i,"stats.week_of",{date:s}):s}var ce=i=>({axisLabel:{color:i.secondaryText},axisLine:{lineStyle:{color:i.divider}},axisTick:{lineStyle:{color:i.divider}},splitLine:{lineStyle:{color:i.divider,opacity:.6}}}),Gs=i=>Math.round(i/360)/10;function Js(i,a,t,e,s){let n=m(i,"stats.plays"),o=m(i,"stats.series_hours");return{grid:{left:8,right:8,top:40,bottom:8,containLabel:!0},legend:{top:0,textStyle:{color:a.text},data:[n,o]},tooltip:{trigger:"axis",axisPointer:{type:"shadow"},formatter:p=>{let h=t[p[0]?.dataIndex??0];return h?[Ws(i,h.start,e,!0),`${n}: ${u(i,h.plays)}`,`${o}: ${u(i,Gs(h.listening_seconds))}`].join(`
`):""}},xAxis:{type:"category",data:t.map(p=>Ws(i,p.start,e)),...ce(a),axisLabel:{color:a.secondaryText,hideOverlap:!0,fontSize:s?10:12}},yAxis:[{type:"value",minInterval:1,...ce(a)},{type:"value",...ce(a),splitLine:{show:!1}}],series:[{name:n,type:"bar",data:t.map(p=>p.plays),itemStyle:{color:a.primary,borderRadius:[3,3,0,0]},barMaxWidth:28},{name:o,type:"line",yAxisIndex:1,data:t.map(p=>Gs(p.listening_seconds)),itemStyle:{color:a.accent},lineStyle:{width:2},symbol:t.length>60?"none":"circle",smooth:!0}]}}function Qs(i,a,t,e){let s=Jt(i),n=Jt(i,"long"),o=t.flatMap((h,w)=>h.map((N,$)=>[$,w,N])),p=Math.max(1,...o.map(h=>h[2]));return{grid:{left:4,right:8,top:8,bottom:48,containLabel:!0},tooltip:{formatter:h=>m(i,"stats.heatmap_cell",{weekday:n[h.value[1]],hour:he(i,h.value[0]),plays:u(i,h.value[2])})},xAxis:{type:"category",data:Array.from({length:24},(h,w)=>String(w)),splitArea:{show:!1},axisLabel:{color:a.secondaryText,interval:e?3:1,fontSize:e?10:12},axisLine:{show:!1},axisTick:{show:!1}},yAxis:{type:"category",data:s,inverse:!0,axisLabel:{color:a.secondaryText},axisLine:{show:!1},axisTick:{show:!1}},visualMap:{min:0,max:p,calculable:!1,orient:"horizontal",left:"center",bottom:0,itemHeight:e?120:180,itemWidth:10,textStyle:{color:a.secondaryText},inRange:{color:[a.divider,a.primary]}},series:[{type:"heatmap",data:o,itemStyle:{borderColor:a.background,borderWidth:2,borderRadius:3},emphasis:{itemStyle:{borderColor:a.text,borderWidth:1}}}]}}var me=(i,a)=>a===1?m(i,"stats.one_play"):m(i,"common.plays",{count:u(i,a)});function Ti(i,a){let t=r`<span class="name ellipsis" dir="auto" title=${a.name}>${a.name}</span>`;if(i==="artists"&&a.id!==void 0)return r`<a class="name ellipsis" dir="auto" href=${A(a.id)} @click=${b} title=${a.name}
      >${a.name}</a
    >`;let e=i==="albums"?a.id:i==="tracks"?a.album_id:void 0;return e!=null?r`<a class="name ellipsis" dir="auto" href=${z(e)} @click=${b} title=${a.name}
      >${a.name}</a
    >`:t}function Ei(i){return i.artist?i.artist_id===void 0||i.artist_id===null?r`<span class="artist muted ellipsis" dir="auto" title=${i.artist}>${i.artist}</span>`:r`<a class="artist muted ellipsis" dir="auto" title=${i.artist} href=${A(i.artist_id)} @click=${b}
    >${i.artist}</a
  >`:l}function Si(i,a,t,e,s){let n=Math.max(2,Math.round(t.plays/s*100));return r`<li class="top-row" data-testid="stats-top-row">
    <span class="rank" aria-hidden="true">${e}</span>
    ${a==="albums"?r`<aime-cover .src=${t.cover??null} .label=${t.name} size="40"></aime-cover>`:l}
    <div class="top-main">
      <div class="top-text">
        ${Ti(a,t)}
        ${Ei(t)}
      </div>
      <div class="bar" aria-hidden="true"><span style="width:${n}%"></span></div>
    </div>
    <span class="count">${me(i,t.plays)}</span>
  </li>`}function Pt(i,a,t,e){let s=Math.max(1,...t.map(n=>n.plays));return r`<section class="card top" data-testid="stats-top-${a}">
    <h3>${m(i,`stats.top_${a}`)}</h3>
    ${e?r`<p class="muted hint">${e}</p>`:l}
    ${t.length?r`<ol class="ranked">
          ${t.map((n,o)=>Si(i,a,n,o+1,s))}
        </ol>`:r`<p class="muted empty">${m(i,"stats.top_empty")}</p>`}
  </section>`}var Ks=f`
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
`,Ys=24,Ri=60,xt=class extends R{constructor(){super(...arguments);this.artists=[];this.shown=Ys;this.showMore=()=>{this.shown+=Ri}}static{this.styles=[v,f`
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
    `]}willUpdate(t){t.has("artists")&&(this.shown=Ys)}render(){let t=this.artists.slice(0,this.shown),e=this.artists.length-t.length;return r`<ul class="plain">
        ${t.map(s=>r`<li data-testid="stats-new-artist">
            <a class="ellipsis" dir="auto" href=${A(s.id)} @click=${b} title=${s.name}
              >${s.name}</a
            >
            <span class="muted"
              >${m(this.hass,"stats.first_played",{date:E(this.hass,s.first_played,{dateStyle:"medium"})})}</span
            >
          </li>`)}
      </ul>
      ${e>0?r`<button class="more" data-testid="stats-new-artists-more" @click=${this.showMore}>
            ${m(this.hass,"stats.show_more",{count:u(this.hass,e)})}
          </button>`:l}`}updated(){let t=this.renderRoot.querySelector(".more");this.observer?.disconnect(),t&&(this.observer??=new IntersectionObserver(e=>{e.some(s=>s.isIntersecting)&&this.showMore()}),this.observer.observe(t))}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect(),this.observer=void 0}};d([g({attribute:!1})],xt.prototype,"hass",2),d([g({attribute:!1})],xt.prototype,"artists",2),d([c()],xt.prototype,"shown",2);y("aime-stats-new-artists",xt);var Li=["7d","30d","365d","all"],Pi=["day","week","month"],Ii="30d";function Xs(i,a){return i&&a&&D(i)&&D(a)&&i<=a?{first_day:i,last_day:a}:void 0}function ue(i,a){let t=new URLSearchParams(a),e=Xs(t.get("first_day"),t.get("last_day")),s=t.get("window"),n=e?{window:"custom",...e}:Ht(i,s&&Li.includes(s)?s:Ii),o=t.get("granularity");return{period:n,granularity:o&&Pi.includes(o)?o:void 0,compareWith:Xs(t.get("compare_first"),t.get("compare_last"))}}function fe(i){let{period:a}=i,t=new URLSearchParams;return a.window==="custom"&&a.first_day?(t.set("first_day",a.first_day),t.set("last_day",a.last_day)):t.set("window",a.window),i.granularity&&t.set("granularity",i.granularity),i.compareWith&&(t.set("compare_first",i.compareWith.first_day),t.set("compare_last",i.compareWith.last_day)),`?${t.toString()}`}function Zs(i){if(!i.first_day)return"month";let a=$t(i.first_day,i.last_day);return a<=31?"day":a<=366?"week":"month"}function ge(i){let a=$t(i.first_day,i.last_day);return{first_day:Z(i.first_day,-a),last_day:Z(i.first_day,-1)}}var Ai=5,Hi=300,F=class extends R{constructor(){super(...arguments);this.allTime=!1;this.revision=0;this.customMode=!1;this.request=0}static{this.styles=[v,f`
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
    `]}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.typingTimer)}t(t,e){return m(this.hass,t,e)}get other(){return this.custom?this.compareWith:this.current&&!this.allTime?ge(this.current):void 0}get startingRange(){if(this.current)return this.allTime?this.current:ge(this.current)}get custom(){return this.customMode||!!this.compareWith||this.allTime}willUpdate(t){t.has("compareWith")&&this.compareWith&&(this.customMode=!0),["current","compareWith","allTime","revision","customMode","person"].some(e=>t.has(e))&&this.fetch(t.has("revision")&&!t.has("current"))}async fetch(t){let e=++this.request,s=this.current,n=this.other;if(t||(this.result=void 0),this.error=void 0,!(!s||!n))try{let o=await Ue(this.hass,s,n,Ai,this.person);e===this.request&&(this.result=o)}catch(o){let p=await x(this.hass,o);e===this.request&&!t&&(this.error=p)}}render(){let t=this.other;return r`<section class="card" data-testid="stats-compare">
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
        ${this.t("stats.range",{first:L(n,e.first_day),last:L(n,e.last_day)})}
      </div>
      <dl>
        <dt>${this.t("stats.plays")}</dt>
        <dd>
          <span data-testid="stats-compare-plays">${u(n,e.plays)}</span>
          ${s?this.renderChange(s.plays_change,e.plays):l}
        </dd>
        <dt>${this.t("stats.listening")}</dt>
        <dd>
          ${H(n,e.listening_seconds)}
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
                <a class="ellipsis" dir="auto" href=${A(o.id)} @click=${b} title=${o.name}
                  >${o.name}</a
                >
                <span class="plays">${me(n,o.plays)}</span>
              </li>`)}
          </ol>`:r`<p class="muted">${this.t("stats.top_empty")}</p>`}
    </div>`}renderChange(t,e){if(t===null)return e>0?r`<span class="change up" data-testid="stats-change">${this.t("stats.change_new")}</span>`:r`${l}`;let s=new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"percent",maximumFractionDigits:1,signDisplay:"exceptZero"}).format(t/100),n=t>0?"up":t<0?"down":"none",o=n==="none"?this.t("stats.change_none"):this.t(`stats.change_${n}`,{change:s.replace(/^[+\-\u2212]/,"")});return r`<span class="change ${n}" data-testid="stats-change" title=${o}
      ><span aria-hidden="true">${s}</span><span class="visually-hidden">${o}</span></span
    >`}setDay(t,e){let s=e.target.value;if(!D(s))return;let n=this.typed??this.compareWith??this.startingRange;if(!n)return;let o=t==="first_day"?{first_day:s,last_day:s>n.last_day?s:n.last_day}:{first_day:s<n.first_day?s:n.first_day,last_day:s};this.typed=o,clearTimeout(this.typingTimer),this.typingTimer=setTimeout(()=>this.choose(o,!0),Hi)}choose(t,e=!1){clearTimeout(this.typingTimer),this.typed=void 0,this.customMode=e,this.dispatchEvent(new CustomEvent("compare-changed",{detail:t,bubbles:!0,composed:!0}))}};d([g({attribute:!1})],F.prototype,"hass",2),d([g({attribute:!1})],F.prototype,"current",2),d([g({type:Boolean})],F.prototype,"allTime",2),d([g({attribute:!1})],F.prototype,"compareWith",2),d([g({attribute:!1})],F.prototype,"person",2),d([g({type:Number})],F.prototype,"revision",2),d([c()],F.prototype,"result",2),d([c()],F.prototype,"error",2),d([c()],F.prototype,"customMode",2);y("aime-stats-compare",F);var Ci=i=>!!(i&&typeof i=="object"&&i.code==="unknown_command");async function Vs(i,a,t,e,s){let n=a.window==="all"?void 0:a.first_day;try{return{...await je(i,{first_day:n,last_day:a.last_day,granularity:t,top:e,person:s}),partial:!1}}catch(p){if(!Ci(p)||a.window==="custom")throw p}return{...await ze(i,a.window,e,s),granularity:t,top_genres:[],new_artists:[],series:[],partial:!0}}var ye=(i,a)=>a===1?m(i,"stats.day"):m(i,"stats.days",{count:u(i,a)});function Q(i,a,t,e){return r`<div class="tile" data-testid=${e??l}>
    <span class="tile-label">${i}</span>
    <span class="tile-value" data-testid=${e?`${e}-value`:l}>${a}</span>
    ${t?r`<span class="tile-detail">${t}</span>`:l}
  </div>`}function ti(i,a){let t=(n,o)=>m(i,n,o),{sessions:e}=a,s=$t(a.first_day,a.last_day);return r`<section class="figures" aria-label=${t("stats.figures")}>
    ${Q(t("stats.plays"),u(i,a.plays),void 0,"stats-plays")}
    ${Q(t("stats.listening"),H(i,a.listening_seconds),a.estimated_plays?t("stats.estimated",{count:u(i,a.estimated_plays)}):void 0,"stats-listening")}
    ${Q(t("stats.active_days"),u(i,a.active_days),t("stats.active_days_of",{days:u(i,s)}),"stats-active-days")}
    ${Q(t("stats.longest_streak"),ye(i,a.longest_streak),void 0,"stats-longest-streak")}
    ${Q(t("stats.unique_artists"),u(i,a.unique_artists),void 0,"stats-unique-artists")}
    ${Q(t("stats.unique_albums"),u(i,a.unique_albums),void 0,"stats-unique-albums")}
    ${Q(t("stats.unique_tracks"),u(i,a.unique_tracks),void 0,"stats-unique-tracks")}
    ${Q(t("stats.sessions"),u(i,e.count),e.count?t("stats.sessions_detail",{average:H(i,e.average_seconds),longest:H(i,e.longest_seconds)}):void 0,"stats-sessions")}
  </section>`}function ve(i,a){let t=(e,s)=>m(i,e,s);return a?r`<section class="card streaks" data-testid="stats-streaks">
    <h3>${t("stats.streaks")}</h3>
    ${a.longest?r`<div class="streak-tiles">
          ${Q(t("stats.streak_current"),ye(i,a.current),void 0,"stats-streak-current")}
          ${Q(t("stats.streak_longest"),ye(i,a.longest),a.longest_first&&a.longest_last?t("stats.streak_span",{first:L(i,a.longest_first),last:L(i,a.longest_last)}):void 0,"stats-streak-longest")}
        </div>`:r`<p class="muted">${t("stats.streak_none")}</p>`}
  </section>`:r`${l}`}var ei=f`
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
`;var si=f`
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
`;var Oi=10,Mi=["day","week","month"],Di=1500,qi=300,st=class extends I{constructor(){super(...arguments);this.stats=k;this.busy=!1;this.revision=0;this.request=0;this.onLocation=()=>{!this.hass||!this.query||!location.pathname.endsWith("/stats")||qe(location.search)!==fe(this.query)&&(this.query=ue(this.hass,location.search),this.refresh("change"))}}static{this.styles=[v,si,ei,Ks]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocation),window.addEventListener("popstate",this.onLocation),this.query&&this.onLocation()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocation),window.removeEventListener("popstate",this.onLocation),clearTimeout(this.liveTimer),clearTimeout(this.typingTimer)}willUpdate(t){super.willUpdate(t),this.hass&&!this.query?(this.query=ue(this.hass,location.search),this.refresh("initial"),this.loadStreaks()):this.query&&this.personChanged(t)&&(this.refresh("change"),this.loadStreaks())}onLiveEvent(t){t.kind==="stats"&&(clearTimeout(this.liveTimer),this.liveTimer=setTimeout(()=>{this.refresh("live"),this.loadStreaks(),this.revision+=1},Di))}get granularity(){return this.query?.granularity??Zs(this.query.period)}async refresh(t){let e=this.query;if(!e)return;t==="live"&&e.period.window!=="custom"&&(this.query={...e,period:Ht(this.hass,e.period.window)});let s=++this.request;t==="initial"||this.stats.status!=="ready"?this.stats=k:t==="change"&&(this.busy=!0);let{first_day:n,last_day:o}=this.query.period;n&&this.setComparedRange({first_day:n,last_day:o});try{let p=await Vs(this.hass,this.query.period,this.granularity,Oi,this.person);if(s!==this.request)return;this.stats={status:"ready",value:p},this.setComparedRange(p)}catch(p){let h=await x(this.hass,p);if(s!==this.request)return;(t!=="live"||this.stats.status!=="ready")&&(this.stats={status:"error",message:h})}finally{s===this.request&&(this.busy=!1)}}async loadStreaks(){try{let t=this.person,e=await Be(this.hass,t);t===this.person&&(this.streaks=e)}catch{}}setComparedRange(t){let e=this.comparedRange;(e?.first_day!==t.first_day||e?.last_day!==t.last_day)&&(this.comparedRange={first_day:t.first_day,last_day:t.last_day})}setQuery(t,e){this.query=t,X(`${location.pathname}${fe(t)}`,!0),e&&this.refresh("change")}onPeriod(t){let e=t.detail;clearTimeout(this.typingTimer);let s=()=>this.setQuery({...this.query,period:e,granularity:void 0},!0);e.window==="custom"&&this.query.period.window==="custom"?this.typingTimer=setTimeout(s,qi):s()}onGranularity(t){t!==this.granularity&&this.setQuery({...this.query,granularity:t},!0)}onCompare(t){this.setQuery({...this.query,compareWith:t.detail},!1)}render(){if(!this.query)return l;let t=()=>{this.refresh("initial")};return r`<div class="view" data-testid="view-stats">
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
    </div>`}renderRange(t){return this.t("stats.range",{first:L(this.hass,t.first_day),last:L(this.hass,t.last_day)})}renderSkeleton(){return r`<div class="content" role="status" aria-busy="true" data-testid="loading">
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
        ${ve(this.hass,this.streaks)} ${s}
      </div>`;let n=this.chartOptions(t);return r`<div class="content ${this.busy?"busy":""}">
      ${ti(this.hass,t)} ${this.renderSeries(t,n.series)}
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
          ${ve(this.hass,this.streaks)}
          ${t.top_genres.length?Pt(this.hass,"genres",t.top_genres,this.t("stats.top_genres_hint")):l}
        </div>
      </div>
      <div class="tops">
        ${Pt(this.hass,"artists",t.top_artists)}
        ${Pt(this.hass,"albums",t.top_albums)}
        ${Pt(this.hass,"tracks",t.top_tracks)}
      </div>
      ${t.partial?l:this.renderNewArtists(t)} ${s}
    </div>`}renderSeries(t,e){let s=t.partial?this.granularity:t.granularity;return r`<section class="card" data-testid="stats-series">
      <div class="card-head">
        <h3>${this.t("stats.series")}</h3>
        <div class="segmented" role="group" aria-label=${this.t("stats.granularity")}>
          ${Mi.map(n=>r`<button
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
    </section>`}renderPeak(t){let e={plays:0,weekday:0,hour:0};if(t.forEach((n,o)=>n.forEach((p,h)=>{p>e.plays&&(e={plays:p,weekday:o,hour:h})})),!e.plays)return l;let s=Jt(this.hass,"long")[e.weekday];return r`<p class="muted note" data-testid="stats-peak">
      ${this.t("stats.peak",{weekday:s,hour:he(this.hass,e.hour)})}
    </p>`}renderNewArtists(t){return r`<section class="card" data-testid="stats-new-artists">
      <div class="card-head">
        <h3>${this.t("stats.new_artists")}</h3>
        ${t.new_artists.length?r`<span class="muted">${t.new_artists.length===1?this.t("stats.new_artists_one"):this.t("stats.new_artists_count",{count:u(this.hass,t.new_artists.length)})}</span>`:l}
      </div>
      ${t.new_artists.length?r`<aime-stats-new-artists .hass=${this.hass} .artists=${t.new_artists}></aime-stats-new-artists>`:r`<p class="muted">${this.t("stats.new_artists_empty")}</p>`}
    </section>`}chartOptions(t){let s=[!!this.hass.themes?.darkMode,this.hass.locale?.language??this.hass.language,this.narrow].join("|");if(this.charts?.key!==s||this.charts.of!==t){let n=At(this),o=t.granularity;this.charts={key:s,of:t,series:Js(this.hass,n,t.series,o,this.narrow),heatmap:Qs(this.hass,n,t.heatmap,this.narrow)}}return this.charts}};d([c()],st.prototype,"query",2),d([c()],st.prototype,"stats",2),d([c()],st.prototype,"streaks",2),d([c()],st.prototype,"busy",2),d([c()],st.prototype,"revision",2),d([c()],st.prototype,"comparedRange",2);y("aime-stats",st);var ii=(i,a,t)=>P(i,"aime/timeline",B({day:a,person:t}));var ai=f`
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
`;var ri=`${K}/timeline`,Fi=1e3;function Ni(i){let a=[];for(let t of i){let e=a[a.length-1];t.plays.length?a.push({kind:"hour",hour:t}):e?.kind==="empty"?e.last=t:a.push({kind:"empty",first:t,last:t})}return a}var Qt=class extends I{constructor(){super(...arguments);this.timeline=k;this.request=0}static{this.styles=[v,Bt,ai]}get day(){return this.params?.day??ht(this.hass)}get today(){return ht(this.hass)}disconnectedCallback(){super.disconnectedCallback(),window.clearTimeout(this.refreshTimer),this.loadedDay=void 0}willUpdate(t){super.willUpdate(t),this.hass&&(this.day!==this.loadedDay||this.personChanged(t))&&(this.loadedDay=this.day,this.fetch(!1))}async fetch(t){let e=++this.request,s=this.day;D(s)&&await this.load(()=>ii(this.hass,s,this.person),n=>{e===this.request&&(this.timeline=n)},t)}onLiveEvent(t){if(this.timeline.status!=="ready")return;let e=this.timeline.value.day;(t.kind==="play"&&t.play.local_time.startsWith(e)||t.kind==="stats"&&e===this.today)&&(window.clearTimeout(this.refreshTimer),this.refreshTimer=window.setTimeout(()=>{this.fetch(!0)},Fi))}goTo(t){X(t===this.today?ri:`${ri}/${t}`)}onDayInput(t){let e=t.target.value;D(e)&&e<=this.today&&this.goTo(e)}render(){let t=this.day,e=D(t),s=this.today;return r`
      <div class="card head">
        <div class="nav">
          <button
            class="icon"
            data-testid="timeline-previous"
            aria-label=${this.t("timeline.previous")}
            title=${this.t("timeline.previous")}
            ?disabled=${!e}
            @click=${()=>this.goTo(Z(t,-1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${_e} /></svg>
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
            @click=${()=>this.goTo(Z(t,1))}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ke} /></svg>
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
    `}dayTitle(t,e){let s=L(this.hass,t,{weekday:"long",day:"numeric",month:"long",year:"numeric"});return t===e?this.t("timeline.today_title",{date:s}):t===Z(e,-1)?this.t("timeline.yesterday_title",{date:s}):s}renderTotals(t){let e=t.hours.flatMap(h=>h.plays),s=e[0],n=e[e.length-1],o=h=>Rt(this.hass,h.played_at),p=vt({first_day:t.day,last_day:t.day});return r`<div class="totals" data-testid="timeline-totals">
        <div class="figure">
          <span class="value" data-testid="timeline-plays">${u(this.hass,t.plays)}</span>
          <span class="label">${this.t(t.plays===1?"timeline.plays_one":"timeline.plays_label")}</span>
        </div>
        <div class="figure">
          <span class="value" data-testid="timeline-listening">${H(this.hass,t.listening_seconds)}</span>
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
      ${t.map(s=>{let n=s.plays.length,o=`--aime-bar: ${Math.max(n?12:4,n/e*100)}%`,p=this.t("timeline.hour_plays",{hour:this.hourLabel(s),count:n}),h=s.hour%6===0?r`<span class="tick">${this.hourLabel(s)}</span>`:l;return n?r`<button class="bar" style=${o} aria-label=${p} title=${p} @click=${()=>this.scrollToHour(s)}>
              <span></span>${h}
            </button>`:r`<span class="bar empty" style=${o} aria-hidden="true"><span></span>${h}</span>`})}
    </div>`}scrollToHour(t){let e=this.renderRoot.querySelector(`[data-hour-start="${t.start}"]`);e?.scrollIntoView({behavior:"smooth",block:"start"}),e?.querySelector("h3")?.focus({preventScroll:!0})}hourLabel(t){return le(this.hass,t.start)}hourEnd(t){return le(this.hass,Date.parse(t.start)/1e3+3600)}renderHours(t){if(!t.hours.some(n=>n.plays.length))return r`<div class="card state empty" data-testid="timeline-empty">
        <p>${this.t("timeline.empty")}</p>
        ${t.day!==this.today?r`<button @click=${()=>this.goTo(this.today)}>${this.t("timeline.back_today")}</button>`:l}
      </div>`;let e=Date.now(),s=t.day===this.today?t.hours.filter(n=>Date.parse(n.start)<=e):t.hours;return r`<ol class="hours card">
      ${Ni(s).map(n=>n.kind==="hour"?this.renderHour(n.hour):this.renderEmpty(n.first,n.last))}
    </ol>`}renderEmpty(t,e){let s=t===e?this.t("timeline.empty_hour",{hour:this.hourLabel(t)}):this.t("timeline.empty_hours",{first:this.hourLabel(t),end:this.hourEnd(e)});return r`<li class="quiet" data-testid="timeline-quiet"><span class="rail"></span><span class="muted">${s}</span></li>`}renderHour(t){let e=t.plays.length;return r`<li class="hour" data-testid="timeline-hour" data-hour=${t.hour} data-hour-start=${t.start}>
      <h3 tabindex="-1">
        <span class="hour-label">${this.hourLabel(t)}</span>
        <span class="muted">${e===1?this.t("timeline.plays_one_count"):this.t("common.plays",{count:e})}</span>
      </h3>
      <ol class="plays">
        ${t.plays.map(s=>this.renderPlay(s))}
      </ol>
    </li>`}renderPlay(t){return r`<li class="play" data-testid="timeline-play" data-play-id=${t.play_id}>
      <time datetime=${t.local_time}>${Rt(this.hass,t.played_at)}</time>
      <aime-cover .src=${t.cover??null} .size=${40} label=${t.album}></aime-cover>
      <div class="text">
        <div class="line"><span class="title ellipsis" dir="auto" title=${t.title}>${t.title}</span>${Ut(this.hass,t)}</div>
        <div class="line muted"><span class="ellipsis">${Nt(t)} · ${zt(t)}</span></div>
      </div>
      <div class="aside">${jt(this.hass,t.sources)}</div>
    </li>`}};d([c()],Qt.prototype,"timeline",2);y("aime-timeline",Qt);var be=["journal","timeline","stats","collection","playlists","scrobbling"],zi=["album","artist"],ji={timeline:"day",playlists:"id"};function ni(i){let[a="",t,...e]=i.replace(/^\/+|\/+$/g,"").split("/");if(e.length)return{view:"not_found",params:{}};if(!a)return{view:"journal",params:{}};let s=a;if(zi.includes(s))return t&&/^\d+$/.test(t)?{view:s,params:{id:t}}:{view:"not_found",params:{}};if(be.includes(s)){if(t===void 0)return{view:s,params:{}};let n=ji[s];return n?{view:s,params:{[n]:decodeURIComponent(t)}}:{view:"not_found",params:{}}}return{view:"not_found",params:{}}}var ot=class extends R{constructor(){super(...arguments);this.narrow=!1;this.person=Xt(location.search);this.people=[];this.peopleAsked=!1;this.onLocation=()=>{location.pathname.startsWith(K)&&(this.person=Xt(location.search))}}static{this.styles=[v,f`
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
    `]}connectedCallback(){super.connectedCallback(),window.addEventListener("location-changed",this.onLocation),window.addEventListener("popstate",this.onLocation),this.onLocation()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("location-changed",this.onLocation),window.removeEventListener("popstate",this.onLocation)}willUpdate(){this.hass&&!this.peopleAsked&&(this.peopleAsked=!0,Oe(this.hass).then(t=>this.people=t,()=>{}))}onPersonChanged(t){Ne(t.detail.person)}get current(){return ni(this.route?.path??"")}render(){let t=this.current,e=t.view==="album"||t.view==="artist"?void 0:t.view;return r`
      <header>
        <button
          class="icon menu"
          aria-label=${m(this.hass,"panel.menu")}
          @click=${()=>this.dispatchEvent(new CustomEvent("hass-toggle-menu",{bubbles:!0,composed:!0}))}
        >
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path fill="currentColor" d=${Re} />
          </svg>
        </button>
        <h1>${m(this.hass,"panel.title")}</h1>
        <nav aria-label=${m(this.hass,"panel.nav.label")}>
          ${be.map(s=>r`<a
              href=${De(`${K}/${s}`,this.person)}
              data-testid="nav-${s}"
              aria-current=${s===e?"page":"false"}
              @click=${b}
              >${m(this.hass,`panel.nav.${s}`)}</a
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
    `}renderView(t){let{hass:e,narrow:s,person:n}=this,o=t.params;switch(t.view){case"journal":return r`<aime-journal .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-journal>`;case"timeline":return r`<aime-timeline .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-timeline>`;case"stats":return r`<aime-stats .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-stats>`;case"collection":return r`<aime-collection .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-collection>`;case"album":return r`<aime-album .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-album>`;case"artist":return r`<aime-artist .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-artist>`;case"playlists":return r`<aime-playlists .hass=${e} .narrow=${s} .params=${o} .person=${n}></aime-playlists>`;case"scrobbling":return r`<aime-scrobbling .hass=${e} .narrow=${s} .params=${o}></aime-scrobbling>`;default:return r`<div class="state" data-testid="not-found">${m(this.hass,"panel.not_found")}</div>`}}};d([g({attribute:!1})],ot.prototype,"hass",2),d([g({type:Boolean,reflect:!0})],ot.prototype,"narrow",2),d([g({attribute:!1})],ot.prototype,"route",2),d([c()],ot.prototype,"person",2),d([c()],ot.prototype,"people",2);y("aime-panel",ot);export{ot as AimePanel};
