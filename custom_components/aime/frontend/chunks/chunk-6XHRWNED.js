import{a,b as t,d as v,f as d,g as e,h as w,i as B,j as m,l as i}from"./chunk-CZU4RHFL.js";import{b as r}from"./chunk-CQAH7SST.js";var T="M12,11A1,1 0 0,0 11,12A1,1 0 0,0 12,13A1,1 0 0,0 13,12A1,1 0 0,0 12,11M12,16.5C9.5,16.5 7.5,14.5 7.5,12C7.5,9.5 9.5,7.5 12,7.5C14.5,7.5 16.5,9.5 16.5,12C16.5,14.5 14.5,16.5 12,16.5M12,2A10,10 0 0,0 2,12A10,10 0 0,0 12,22A10,10 0 0,0 22,12A10,10 0 0,0 12,2Z";var t1="M13,20H11V8L5.5,13.5L4.08,12.08L12,4.16L19.92,12.08L18.5,13.5L13,8V20Z";var F="M19,19H5V8H19M16,1V3H8V1H6V3H5C3.89,3 3,3.89 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5C21,3.89 20.1,3 19,3H18V1M17,12H12V17H17V12Z";var A1="M15.41,16.58L10.83,12L15.41,7.41L14,6L8,12L14,18L15.41,16.58Z";var i1="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var o1="M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z";var a1="M14,12V19.88C14.04,20.18 13.94,20.5 13.71,20.71C13.32,21.1 12.69,21.1 12.3,20.71L10.29,18.7C10.06,18.47 9.96,18.16 10,17.87V12H9.97L4.21,4.62C3.87,4.19 3.95,3.56 4.38,3.22C4.57,3.08 4.78,3 5,3V3H19V3C19.22,3 19.43,3.08 19.62,3.22C20.05,3.56 20.13,4.19 19.79,4.62L14.03,12H14Z";var d1="M12,21.35L10.55,20.03C5.4,15.36 2,12.27 2,8.5C2,5.41 4.42,3 7.5,3C9.24,3 10.91,3.81 12,5.08C13.09,3.81 14.76,3 16.5,3C19.58,3 22,5.41 22,8.5C22,12.27 18.6,15.36 13.45,20.03L12,21.35Z";var p1="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var m1="M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z";var R="M14,19H18V5H14M6,19H10V5H6V19Z";var D="M8,5.14V19.14L19,12.14L8,5.14Z";var x1="M15,6H3V8H15V6M15,10H3V12H15V10M3,16H11V14H3V16M17,6V14.18C16.69,14.07 16.35,14 16,14A3,3 0 0,0 13,17A3,3 0 0,0 16,20A3,3 0 0,0 19,17V8H22V6H17Z";var E="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var W="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var O=a`
  :host {
    display: block;
    color: var(--primary-text-color);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, Roboto, sans-serif));
  }
  .card {
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
    padding: 16px;
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 8px;
    font-weight: 500;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  .secondary {
    color: var(--secondary-text-color);
  }
  .muted {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  a {
    color: var(--primary-color);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  button,
  .button {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    padding: 6px 12px;
    cursor: pointer;
    min-height: 36px;
  }
  button.primary {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    border-color: var(--primary-color);
  }
  button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  button.icon {
    background: none;
    border: none;
    padding: 6px;
    min-width: 40px;
    min-height: 40px;
    border-radius: 50%;
  }
  :focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color, #fff);
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    padding: 6px 10px;
    min-height: 36px;
    box-sizing: border-box;
    max-width: 100%;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-bottom: 12px;
  }
  .grid {
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
  }
  /* A title over two lines at most, cut with an ellipsis. */
  .two-lines {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    line-height: 1.3;
  }
  /* Placeholders while data loads: one soft pulse everywhere, still when motion is reduced. */
  .placeholder {
    border-radius: 6px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
    animation: aime-placeholder 1.4s ease-in-out infinite;
  }
  @keyframes aime-placeholder {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder {
      animation: none;
    }
  }
  .state {
    padding: 24px;
    text-align: center;
    color: var(--secondary-text-color);
  }
  .error {
    color: var(--error-color, #db4437);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  ol.ranked,
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol.ranked li,
  ul.plain li {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 4px 0;
    border-bottom: 1px solid var(--divider-color, #eee);
    min-width: 0;
  }
  .ellipsis {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  /* Names come from anywhere: 2,000 characters without a break, right-to-left scripts, emoji.
     Each name element has dir="auto" and its whole text as its title: it keeps its own direction
     without reordering its neighbours, and breaks anywhere rather than widening its card. */
  [dir="auto"] {
    unicode-bidi: plaintext;
    overflow-wrap: anywhere;
  }
  /* A heading that is a name: three lines at most (the title attribute holds the rest). */
  .name-heading {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    min-width: 0;
  }
`,n1=a`
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.875rem;
    color: var(--secondary-text-color);
  }
  label input,
  label select,
  label textarea {
    width: 100%;
    color: var(--primary-text-color);
  }
  textarea {
    resize: vertical;
    min-height: 72px;
  }
`;function N(L){return Object.values(L.entities??{}).filter(V=>V.platform==="aime"&&V.entity_id.startsWith("media_player.")).map(V=>L.states[V.entity_id]).filter(V=>V&&V.state!=="unavailable").map(V=>({entityId:V.entity_id,name:V.attributes.friendly_name??V.entity_id,state:V.state})).sort((V,C)=>V.name.localeCompare(C.name))}var S1=(L,V,C,H)=>L.callService("media_player","play_media",{entity_id:V,media_content_id:C,media_content_type:H}),I=(L,V,C)=>L.callService("media_player",C,{entity_id:V});var l=class extends d{constructor(){super(...arguments);this.src=null;this.label="";this.size=48;this.fluid=!1;this.failed=!1}static{this.styles=a`
    :host {
      display: inline-block;
      flex: none;
    }
    img,
    .placeholder {
      display: block;
      width: var(--aime-cover-size);
      height: var(--aime-cover-size);
      border-radius: 6px;
      object-fit: cover;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
    }
    :host([fluid]) {
      display: block;
      width: 100%;
    }
    :host([fluid]) img,
    :host([fluid]) .placeholder {
      width: 100%;
      height: auto;
      aspect-ratio: 1;
    }
    .placeholder {
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    svg {
      width: 50%;
      height: 50%;
      fill: currentColor;
      opacity: 0.6;
    }
  `}willUpdate(C){C.has("src")&&(this.failed=!1),C.has("size")&&this.style.setProperty("--aime-cover-size",`${this.size}px`)}render(){return this.src&&this.src.startsWith("/")&&!this.src.startsWith("//")&&!this.failed?t`<img
        src=${this.src}
        alt=${this.label}
        width=${this.fluid?v:this.size}
        height=${this.fluid?v:this.size}
        loading="lazy"
        decoding="async"
        @error=${()=>this.failed=!0}
      />`:t`<div class="placeholder" role="img" aria-label=${this.label||v}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d=${T} />
      </svg>
    </div>`}};r([e()],l.prototype,"src",2),r([e()],l.prototype,"label",2),r([e({type:Number})],l.prototype,"size",2),r([e({type:Boolean,reflect:!0})],l.prototype,"fluid",2),r([w()],l.prototype,"failed",2);m("aime-cover",l);var j=new Set(["playing","paused","buffering"]),Y={previous:W,play:D,pause:R,next:E},Z=class extends d{constructor(){super(...arguments);this.narrow=!1;this.stacked=!1}static{this.styles=[O,a`
      :host {
        display: block;
      }
      .strip {
        display: flex;
        gap: 8px;
        overflow-x: auto;
        scroll-snap-type: x mandatory;
        padding: 8px 12px;
        background: var(--card-background-color, #fff);
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      :host([stacked]) .strip {
        flex-direction: column;
        overflow-x: visible;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      :host([stacked]) .zone {
        flex: none;
        max-width: none;
      }
      .zone {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        /* Never squeezed: on a phone one zone fills the strip and the others scroll into view. */
        flex: 1 0 min(280px, calc(100vw - 48px));
        max-width: 420px;
        scroll-snap-align: start;
      }
      .text {
        min-width: 0;
        flex: 1;
      }
      .title {
        font-weight: 500;
      }
      .controls {
        display: flex;
        flex: none;
      }
      svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
        display: block;
      }
    `]}render(){if(!this.hass)return v;let C=N(this.hass).map(M=>this.hass.states[M.entityId]);if(!C.length)return v;let H=C.filter(M=>j.has(M.state));return t`<section class="strip" aria-label=${i(this.hass,"panel.now_playing.label")} data-testid="now-playing">
      ${H.length?H.map(M=>this.renderZone(M)):t`<span class="muted">${i(this.hass,"panel.now_playing.idle")}</span>`}
    </section>`}renderZone(C){let H=C.attributes,M=C.state==="playing",A=H.friendly_name??C.entity_id;return t`<div class="zone" data-testid="now-playing-zone" data-entity-id=${C.entity_id}>
      <aime-cover .src=${H.entity_picture??null} .size=${40} label=${H.media_album_name??""}></aime-cover>
      <div class="text">
        <div class="title ellipsis" dir="auto" title=${H.media_title??A}>${H.media_title??A}</div>
        <div class="muted ellipsis" title=${H.media_artist??""}>
          <span dir="auto">${H.media_artist??""}</span>${this.narrow?"":` \xB7 ${A}`}
        </div>
      </div>
      <div class="controls">
        ${this.narrow?v:this.button(C,"previous","media_previous_track")}
        ${this.button(C,M?"pause":"play","media_play_pause")}
        ${this.button(C,"next","media_next_track")}
      </div>
    </div>`}button(C,H,M){return t`<button
      class="icon"
      data-testid="now-playing-${H}"
      aria-label=${i(this.hass,`panel.now_playing.${H}`)}
      title=${i(this.hass,`panel.now_playing.${H}`)}
      @click=${()=>I(this.hass,C.entity_id,M)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Y[H]} /></svg>
    </button>`}};r([e({attribute:!1})],Z.prototype,"hass",2),r([e({type:Boolean})],Z.prototype,"narrow",2),r([e({type:Boolean,reflect:!0})],Z.prototype,"stacked",2);m("aime-now-playing",Z);var y="/aime";function X(L,V=!1){V?history.replaceState(null,"",L):history.pushState(null,"",L),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:V}}))}var E1=L=>`${y}/album/${L}`,W1=L=>`${y}/artist/${L}`;function N1(L){let V=L.currentTarget;!V||L.defaultPrevented||L.button!==0||L.metaKey||L.ctrlKey||L.shiftKey||L.altKey||(L.preventDefault(),X(V.getAttribute("href")??y))}var n=(L,V,C={})=>L.callWS({type:V,...C});function h(L){return Object.fromEntries(Object.entries(L).filter(([,V])=>V!=null&&V!==""))}async function Q1(L,V,C,H=!1){return(await L.callService("aime",V,C,void 0,!1,H))?.response}var G1=L=>L.user?.is_admin===!0;function J(L){return L&&typeof L=="object"&&"message"in L?String(L.message):String(L)}async function Q(L,V){let C=V??{},H=L.loadBackendTranslation;if(C.translation_domain&&C.translation_key&&H)try{let M=await H.call(L,"exceptions",C.translation_domain),A=`component.${C.translation_domain}.exceptions.${C.translation_key}.message`,o=M(A,C.translation_placeholders??{});if(o)return o}catch{}return J(V)}var K1=(L,V,C=0,H=50)=>n(L,"aime/history",{...h(V),page:C,page_size:H});var G=(L,V)=>L.connection.subscribeMessage(V,{type:"aime/subscribe"});var C1={status:"loading"},c=class extends d{constructor(){super(...arguments);this.narrow=!1;this.params={}}t(C,H){return i(this.hass,C,H)}routeIdChanged(C){if(!this.hass)return!1;let H=C.has("hass")&&C.get("hass")===void 0,M=C.get("params")?.id;return H||C.has("params")&&M!==this.params?.id}onlyStatesChanged(C){if(C.size!==1||!C.has("hass")||!this.unsubscribe)return!1;let H=C.get("hass");return H!==void 0&&H.language===this.hass.language&&H.locale===this.hass.locale&&H.config===this.hass.config}onLiveEvent(C){}connectedCallback(){super.connectedCallback(),this.hass&&this.subscribe()}disconnectedCallback(){super.disconnectedCallback();let C=this.unsubscribe;this.unsubscribe=void 0,C?.then(H=>H()).catch(()=>{})}willUpdate(C){C.has("hass")&&this.hass&&!this.unsubscribe&&this.isConnected&&this.subscribe()}subscribe(){this.unsubscribe=G(this.hass,C=>{C.kind==="ended"?this.unsubscribe=void 0:this.onLiveEvent(C)}),this.unsubscribe.catch(()=>{})}async load(C,H,M=!1){M||H(C1);try{H({status:"ready",value:await C()})}catch(A){H({status:"error",message:await Q(this.hass,A)})}}renderLoad(C,H,M){return C.status==="loading"?t`<div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div>`:C.status==="error"?t`<div class="state error" role="alert" data-testid="error">
        ${this.t("common.error",{message:C.message})}
        ${M?t`<button @click=${M}>${this.t("common.retry")}</button>`:""}
      </div>`:H(C.value)}};r([e({attribute:!1})],c.prototype,"hass",2),r([e({type:Boolean})],c.prototype,"narrow",2),r([e({attribute:!1})],c.prototype,"params",2);var H1,V1=()=>H1??=import("./echarts-setup-MBWQDIYC.js");function L1(L){let V=getComputedStyle(L),C=(H,M)=>V.getPropertyValue(H).trim()||M;return{primary:C("--primary-color","#03a9f4"),accent:C("--accent-color","#ff9800"),text:C("--primary-text-color","#212121"),secondaryText:C("--secondary-text-color","#727272"),divider:C("--divider-color","rgba(0,0,0,.12)"),background:C("--card-background-color","#fff")}}var S=class extends d{constructor(){super(...arguments);this.options={};this.label="";this.height=260}static{this.styles=a`
    :host {
      display: block;
      width: 100%;
    }
    .chart {
      width: 100%;
    }
  `}render(){return t`<div class="chart" role="img" aria-label=${this.label} style="height:${this.height}px"></div>`}async updated(C){if(!C.has("options")&&!C.has("height"))return;let H=this.renderRoot.querySelector(".chart");if(!H)return;let{echarts:M}=await V1();this.isConnected&&(!this.chart||this.chart.isDisposed()?(this.chart=M.init(H,void 0,{renderer:"svg"}),this.resizeObserver=new ResizeObserver(()=>this.chart?.resize()),this.resizeObserver.observe(H)):C.has("height")&&this.chart.resize(),this.chart.setOption(this.themed(this.options),{notMerge:!0,lazyUpdate:!1}))}disconnectedCallback(){super.disconnectedCallback(),this.resizeObserver?.disconnect(),this.chart?.dispose(),this.chart=void 0}themed(C){let H=L1(this),M=C.tooltip?{backgroundColor:H.background,borderColor:H.divider,textStyle:{color:H.text},...C.tooltip,renderMode:"richText",confine:!0}:void 0;return{color:[H.primary,H.accent,H.secondaryText],textStyle:{color:H.text,fontFamily:"inherit"},backgroundColor:"transparent",animation:!1,...C,...M?{tooltip:M}:{}}}};r([e({attribute:!1})],S.prototype,"options",2),r([e()],S.prototype,"label",2),r([e({type:Number})],S.prototype,"height",2);m("aime-chart",S);function _(L,V=new Date){return new Intl.DateTimeFormat("en-CA",{timeZone:L?.config?.time_zone,year:"numeric",month:"2-digit",day:"2-digit"}).format(V)}function P(L,V){let[C,H,M]=L.split("-").map(Number);return new Date(Date.UTC(C,H-1,M+V)).toISOString().slice(0,10)}function A2(L,V){let C=H=>Date.parse(`${H}T00:00:00Z`);return Math.round((C(V)-C(L))/864e5)+1}var b=L=>/^\d{4}-\d{2}-\d{2}$/.test(L),U={year:"numeric",month:"2-digit",day:"2-digit"},z={day:"D",month:"M",year:"Y"};function g(L){let V=L?.locale?.date_format,C=V==="system"?void 0:L?.locale?.language??L?.language,H;try{H=new Intl.DateTimeFormat(C,U).formatToParts(new Date(Date.UTC(2020,11,31)))}catch{H=new Intl.DateTimeFormat("en",U).formatToParts(new Date(Date.UTC(2020,11,31)))}let M=H.filter(p=>p.type in z).map(p=>z[p.type]).join(""),A=V==="DMY"||V==="MDY"||V==="YMD"?V:M,o=H.find(p=>p.type==="literal")?.value.trim()||"/";return{order:A,separator:o}}function f(L,V){if(!b(V))return"";let[C,H,M]=V.split("-"),A={D:M,M:H,Y:C},{order:o,separator:p}=g(L);return[...o].map(s=>A[s]).join(p)}function k(L,V){let C=V.trim().match(/\d+/g);if(!C||C.length!==3||/[^\d\s./-]/.test(V.trim()))return;let H=C[0].length===4?"YMD":g(L).order,M={};if([...H].forEach((q,$)=>M[q]=C[$]),M.Y.length!==4||M.M.length>2||M.D.length>2)return;let[A,o,p]=[Number(M.Y),Number(M.M),Number(M.D)],s=new Date(Date.UTC(A,o-1,p));if(!(s.getUTCFullYear()!==A||s.getUTCMonth()!==o-1||s.getUTCDate()!==p))return`${M.Y}-${String(o).padStart(2,"0")}-${String(p).padStart(2,"0")}`}var M1={D:"common.date.day",M:"common.date.month",Y:"common.date.year"},x=class extends d{constructor(){super(...arguments);this.value="";this.min="";this.max="";this.label=""}static{this.styles=a`
    :host {
      display: inline-flex;
      align-items: center;
      box-sizing: border-box;
      min-height: 36px;
      max-width: 100%;
      background: var(--card-background-color, #fff);
      border: 1px solid var(--divider-color, #ccc);
      border-radius: 8px;
      position: relative;
    }
    input[type="text"] {
      font: inherit;
      color: var(--primary-text-color);
      background: none;
      border: none;
      padding: 6px 0 6px 10px;
      width: 11ch;
      min-width: 0;
      flex: 1;
    }
    input[type="text"]:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
      border-radius: 4px;
    }
    button {
      display: inline-flex;
      background: none;
      border: none;
      padding: 6px;
      color: var(--secondary-text-color);
      cursor: pointer;
    }
    svg {
      width: 20px;
      height: 20px;
      fill: currentColor;
    }
    /* The browser's picker opens from here; the field itself is never shown. */
    input[type="date"] {
      position: absolute;
      right: 0;
      bottom: 0;
      width: 1px;
      height: 1px;
      opacity: 0;
      border: 0;
      padding: 0;
      pointer-events: none;
    }
  `}updated(C){(C.has("value")||C.has("hass"))&&k(this.hass,this.textField.value)!==this.value&&(this.textField.value=f(this.hass,this.value))}render(){let C=g(this.hass),H=[...C.order].map(M=>i(this.hass,M1[M])).join(C.separator);return t`<input
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-label=${this.label||H}
        placeholder=${H}
        @input=${this.onInput}
        @change=${this.onTextChange}
        @keydown=${M=>M.key==="Enter"&&this.onTextChange()}
      /><button
        type="button"
        aria-label=${i(this.hass,"common.date.open_calendar")}
        title=${i(this.hass,"common.date.open_calendar")}
        @click=${this.openCalendar}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${F} /></svg></button
      ><input
        type="date"
        tabindex="-1"
        aria-hidden="true"
        .value=${this.value}
        min=${this.min}
        max=${this.max}
        @change=${()=>this.commit(this.calendar.value)}
      />`}onInput(){let C=k(this.hass,this.textField.value);C&&this.commit(C)}onTextChange(){let C=this.textField.value.trim(),H=k(this.hass,C);C?H?this.commit(H):this.textField.value=f(this.hass,this.value):this.commit("")}openCalendar(){try{this.calendar.showPicker()}catch{this.textField.focus()}}commit(C){C!==this.value&&(this.value=C,this.textField.value=f(this.hass,C),this.dispatchEvent(new Event("change",{bubbles:!0})))}};r([e({attribute:!1})],x.prototype,"hass",2),r([e()],x.prototype,"value",2),r([e()],x.prototype,"min",2),r([e()],x.prototype,"max",2),r([e()],x.prototype,"label",2),r([B("input[type=text]")],x.prototype,"textField",2),r([B("input[type=date]")],x.prototype,"calendar",2);m("aime-date-input",x);var Z2=(L,V,C=10)=>n(L,"aime/stats",{window:V,top:C}),S2=(L,V)=>n(L,"aime/range",h(V)),u2=(L,V,C,H=5)=>n(L,"aime/compare",{current:V,previous:C,top:H});var s2=L=>n(L,"aime/streaks");var r1=["7d","30d","365d","all","custom"],e1={"7d":7,"30d":30,"365d":365};function K(L,V,C){let H=_(L);return V==="custom"?{window:V,first_day:C?.first_day??P(H,-29),last_day:C?.last_day??H}:V==="all"?{window:V,last_day:H}:{window:V,first_day:P(H,1-e1[V]),last_day:H}}var u=class extends d{constructor(){super(...arguments);this.windows=r1}static{this.styles=[O,a`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .windows {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      button[aria-pressed="true"] {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border-color: var(--primary-color);
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
      }
    `]}render(){let C=this.period??K(this.hass,"30d");return t`
      <div class="windows" role="group">
        ${this.windows.map(H=>t`<button
            data-testid="period-${H}"
            part="window"
            aria-pressed=${C.window===H?"true":"false"}
            @click=${()=>this.change(K(this.hass,H,C))}
          >
            ${i(this.hass,`common.window.${H}`)}
          </button>`)}
      </div>
      ${C.window==="custom"?t`<label
              >${i(this.hass,"common.from")}
              <aime-date-input
                data-testid="period-first"
                .hass=${this.hass}
                label=${i(this.hass,"common.from")}
                .value=${C.first_day??""}
                max=${C.last_day}
                @change=${H=>this.setDay(C,"first_day",H)}
              ></aime-date-input
            ></label>
            <label
              >${i(this.hass,"common.to")}
              <aime-date-input
                data-testid="period-last"
                .hass=${this.hass}
                label=${i(this.hass,"common.to")}
                .value=${C.last_day}
                min=${C.first_day??""}
                @change=${H=>this.setDay(C,"last_day",H)}
              ></aime-date-input
            ></label>`:""}
    `}setDay(C,H,M){let A=M.target.value;if(!b(A))return;let o={...C,[H]:A};o.first_day&&o.first_day>o.last_day||this.change(o)}change(C){this.period=C,this.dispatchEvent(new CustomEvent("period-changed",{detail:C,bubbles:!0,composed:!0}))}};r([e({attribute:!1})],u.prototype,"hass",2),r([e({attribute:!1})],u.prototype,"period",2),r([e({attribute:!1})],u.prototype,"windows",2);m("aime-period-picker",u);export{t1 as a,A1 as b,i1 as c,o1 as d,a1 as e,d1 as f,p1 as g,m1 as h,x1 as i,O as j,n1 as k,N as l,S1 as m,y as n,X as o,E1 as p,W1 as q,N1 as r,n as s,h as t,Q1 as u,G1 as v,Q as w,K1 as x,C1 as y,c as z,L1 as A,_ as B,P as C,A2 as D,b as E,Z2 as F,S2 as G,u2 as H,s2 as I,K as J};
