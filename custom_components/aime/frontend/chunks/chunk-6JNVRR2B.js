import{a,b as A,d as n,f as d,g as e,h as F,i as P,j as m,l as i}from"./chunk-YCUM65M4.js";import{b as r}from"./chunk-CQAH7SST.js";var m1="M12,5.5A3.5,3.5 0 0,1 15.5,9A3.5,3.5 0 0,1 12,12.5A3.5,3.5 0 0,1 8.5,9A3.5,3.5 0 0,1 12,5.5M5,8C5.56,8 6.08,8.15 6.53,8.42C6.38,9.85 6.8,11.27 7.66,12.38C7.16,13.34 6.16,14 5,14A3,3 0 0,1 2,11A3,3 0 0,1 5,8M19,8A3,3 0 0,1 22,11A3,3 0 0,1 19,14C17.84,14 16.84,13.34 16.34,12.38C17.2,11.27 17.62,9.85 17.47,8.42C17.92,8.15 18.44,8 19,8M5.5,18.25C5.5,16.18 8.41,14.5 12,14.5C15.59,14.5 18.5,16.18 18.5,18.25V20H5.5V18.25M0,20V18.5C0,17.11 1.89,15.94 4.45,15.6C3.86,16.28 3.5,17.22 3.5,18.25V20H0M24,20H20.5V18.25C20.5,17.22 20.14,16.28 19.55,15.6C22.11,15.94 24,17.11 24,18.5V20Z";var R="M12,11A1,1 0 0,0 11,12A1,1 0 0,0 12,13A1,1 0 0,0 13,12A1,1 0 0,0 12,11M12,16.5C9.5,16.5 7.5,14.5 7.5,12C7.5,9.5 9.5,7.5 12,7.5C14.5,7.5 16.5,9.5 16.5,12C16.5,14.5 14.5,16.5 12,16.5M12,2A10,10 0 0,0 2,12A10,10 0 0,0 12,22A10,10 0 0,0 22,12A10,10 0 0,0 12,2Z";var x1="M13,20H11V8L5.5,13.5L4.08,12.08L12,4.16L19.92,12.08L18.5,13.5L13,8V20Z";var D="M19,19H5V8H19M16,1V3H8V1H6V3H5C3.89,3 3,3.89 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5C21,3.89 20.1,3 19,3H18V1M17,12H12V17H17V12Z";var v1="M15.41,16.58L10.83,12L15.41,7.41L14,6L8,12L14,18L15.41,16.58Z";var n1="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var l1="M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z";var Z1="M14,12V19.88C14.04,20.18 13.94,20.5 13.71,20.71C13.32,21.1 12.69,21.1 12.3,20.71L10.29,18.7C10.06,18.47 9.96,18.16 10,17.87V12H9.97L4.21,4.62C3.87,4.19 3.95,3.56 4.38,3.22C4.57,3.08 4.78,3 5,3V3H19V3C19.22,3 19.43,3.08 19.62,3.22C20.05,3.56 20.13,4.19 19.79,4.62L14.03,12H14Z";var S1="M12,21.35L10.55,20.03C5.4,15.36 2,12.27 2,8.5C2,5.41 4.42,3 7.5,3C9.24,3 10.91,3.81 12,5.08C13.09,3.81 14.76,3 16.5,3C19.58,3 22,5.41 22,8.5C22,12.27 18.6,15.36 13.45,20.03L12,21.35Z";var u1="M12.1,18.55L12,18.65L11.89,18.55C7.14,14.24 4,11.39 4,8.5C4,6.5 5.5,5 7.5,5C9.04,5 10.54,6 11.07,7.36H12.93C13.46,6 14.96,5 16.5,5C18.5,5 20,6.5 20,8.5C20,11.39 16.86,14.24 12.1,18.55M16.5,3C14.76,3 13.09,3.81 12,5.08C10.91,3.81 9.24,3 7.5,3C4.42,3 2,5.41 2,8.5C2,12.27 5.4,15.36 10.55,20.03L12,21.35L13.45,20.03C18.6,15.36 22,12.27 22,8.5C22,5.41 19.58,3 16.5,3Z";var s1="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var c1="M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z";var O1="M7,10L12,15L17,10H7Z";var E="M14,19H18V5H14M6,19H10V5H6V19Z";var W="M8,5.14V19.14L19,12.14L8,5.14Z";var h1="M15,6H3V8H15V6M15,10H3V12H15V10M3,16H11V14H3V16M17,6V14.18C16.69,14.07 16.35,14 16,14A3,3 0 0,0 13,17A3,3 0 0,0 16,20A3,3 0 0,0 19,17V8H22V6H17Z";var N="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var I="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var h=a`
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
`,k1=a`
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
`;function Q(L){return Object.values(L.entities??{}).filter(H=>H.platform==="aime"&&H.entity_id.startsWith("media_player.")).map(H=>L.states[H.entity_id]).filter(H=>H&&H.state!=="unavailable").map(H=>({entityId:H.entity_id,name:H.attributes.friendly_name??H.entity_id,state:H.state})).sort((H,C)=>H.name.localeCompare(C.name))}var y1=(L,H,C,V)=>L.callService("media_player","play_media",{entity_id:H,media_content_id:C,media_content_type:V}),G=(L,H,C)=>L.callService("media_player",C,{entity_id:H});var l=class extends d{constructor(){super(...arguments);this.src=null;this.label="";this.size=48;this.fluid=!1;this.failed=!1}static{this.styles=a`
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
  `}willUpdate(C){C.has("src")&&(this.failed=!1),C.has("size")&&this.style.setProperty("--aime-cover-size",`${this.size}px`)}render(){return this.src&&this.src.startsWith("/")&&!this.src.startsWith("//")&&!this.failed?A`<img
        src=${this.src}
        alt=${this.label}
        width=${this.fluid?n:this.size}
        height=${this.fluid?n:this.size}
        loading="lazy"
        decoding="async"
        @error=${()=>this.failed=!0}
      />`:A`<div class="placeholder" role="img" aria-label=${this.label||n}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d=${R} />
      </svg>
    </div>`}};r([e()],l.prototype,"src",2),r([e()],l.prototype,"label",2),r([e({type:Number})],l.prototype,"size",2),r([e({type:Boolean,reflect:!0})],l.prototype,"fluid",2),r([F()],l.prototype,"failed",2);m("aime-cover",l);var C1=new Set(["playing","paused","buffering"]),H1={previous:I,play:W,pause:E,next:N},S=class extends d{constructor(){super(...arguments);this.narrow=!1;this.stacked=!1}static{this.styles=[h,a`
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
    `]}render(){if(!this.hass)return n;let C=Q(this.hass).map(M=>this.hass.states[M.entityId]);if(!C.length)return n;let V=C.filter(M=>C1.has(M.state));return A`<section class="strip" aria-label=${i(this.hass,"panel.now_playing.label")} data-testid="now-playing">
      ${V.length?V.map(M=>this.renderZone(M)):A`<span class="muted">${i(this.hass,"panel.now_playing.idle")}</span>`}
    </section>`}renderZone(C){let V=C.attributes,M=C.state==="playing",t=V.friendly_name??C.entity_id;return A`<div class="zone" data-testid="now-playing-zone" data-entity-id=${C.entity_id}>
      <aime-cover .src=${V.entity_picture??null} .size=${40} label=${V.media_album_name??""}></aime-cover>
      <div class="text">
        <div class="title ellipsis" dir="auto" title=${V.media_title??t}>${V.media_title??t}</div>
        <div class="muted ellipsis" title=${V.media_artist??""}>
          <span dir="auto">${V.media_artist??""}</span>${this.narrow?"":` \xB7 ${t}`}
        </div>
      </div>
      <div class="controls">
        ${this.narrow?n:this.button(C,"previous","media_previous_track")}
        ${this.button(C,M?"pause":"play","media_play_pause")}
        ${this.button(C,"next","media_next_track")}
      </div>
    </div>`}button(C,V,M){return A`<button
      class="icon"
      data-testid="now-playing-${V}"
      aria-label=${i(this.hass,`panel.now_playing.${V}`)}
      title=${i(this.hass,`panel.now_playing.${V}`)}
      @click=${()=>G(this.hass,C.entity_id,M)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${H1[V]} /></svg>
    </button>`}};r([e({attribute:!1})],S.prototype,"hass",2),r([e({type:Boolean})],S.prototype,"narrow",2),r([e({type:Boolean,reflect:!0})],S.prototype,"stacked",2);m("aime-now-playing",S);var v=(L,H,C={})=>L.callWS({type:H,...C});function Z(L){return Object.fromEntries(Object.entries(L).filter(([,H])=>H!=null&&H!==""))}async function $1(L,H,C,V=!1){return(await L.callService("aime",H,C,void 0,!1,V))?.response}var q1=L=>L.user?.is_admin===!0;var V1=/^person\.[a-z0-9_]+$/,U=L=>typeof L=="string"&&V1.test(L);async function X1(L){try{return(await v(L,"aime/people")).people}catch(H){if(H?.code==="unknown_command")return[];throw H}}function J1(L){let H=L.trim().split(/[\s-]+/).filter(Boolean);return(H.length>1?[H[0],H[H.length-1]]:H).map(V=>[...V][0]?.toUpperCase()??"").join("")}var f="/aime",g="person";function L1(L){let H=new URLSearchParams(L).get(g);return U(H)?H:void 0}function b(L,H){let[C,...V]=L.split("?"),M=new URLSearchParams(V.join("?"));M.delete(g),H&&M.append(g,H);let t=M.toString();return t?`${C}?${t}`:C}var V2=L=>b(`?${L.replace(/^\?/,"")}`,void 0);function M1(L){let[,H=""]=L.split("?");return new URLSearchParams(H).has(g)?L:b(L,L1(window.location.search))}var r1=(L,H=!1)=>z(M1(L),H);function z(L,H){H?history.replaceState(null,"",L):history.pushState(null,"",L),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:H}}))}var L2=L=>z(b(`${window.location.pathname}${window.location.search}`,L)||f,!1),M2=L=>`${f}/album/${L}`,r2=L=>`${f}/artist/${L}`;function e2(L){let H=L.currentTarget;!H||L.defaultPrevented||L.button!==0||L.metaKey||L.ctrlKey||L.shiftKey||L.altKey||(L.preventDefault(),r1(H.getAttribute("href")??f))}function e1(L){return L&&typeof L=="object"&&"message"in L?String(L.message):String(L)}async function _(L,H){let C=H??{},V=L.loadBackendTranslation;if(C.translation_domain&&C.translation_key&&V)try{let M=await V.call(L,"exceptions",C.translation_domain),t=`component.${C.translation_domain}.exceptions.${C.translation_key}.message`,o=M(t,C.translation_placeholders??{});if(o)return o}catch{}return e1(H)}var o2=(L,H,C=0,V=50)=>v(L,"aime/history",{...Z(H),page:C,page_size:V});var K=(L,H)=>L.connection.subscribeMessage(H,{type:"aime/subscribe"});var t1={status:"loading"},u=class extends d{constructor(){super(...arguments);this.narrow=!1;this.params={}}t(C,V){return i(this.hass,C,V)}routeIdChanged(C){if(!this.hass)return!1;let V=C.has("hass")&&C.get("hass")===void 0,M=C.get("params")?.id;return V||C.has("params")&&M!==this.params?.id}personChanged(C){return this.hasUpdated&&C.has("person")}onlyStatesChanged(C){if(C.size!==1||!C.has("hass")||!this.unsubscribe)return!1;let V=C.get("hass");return V!==void 0&&V.language===this.hass.language&&V.locale===this.hass.locale&&V.config===this.hass.config}onLiveEvent(C){}connectedCallback(){super.connectedCallback(),this.hass&&this.subscribe()}disconnectedCallback(){super.disconnectedCallback();let C=this.unsubscribe;this.unsubscribe=void 0,C?.then(V=>V()).catch(()=>{})}willUpdate(C){C.has("hass")&&this.hass&&!this.unsubscribe&&this.isConnected&&this.subscribe()}subscribe(){this.unsubscribe=K(this.hass,C=>{C.kind==="ended"?this.unsubscribe=void 0:this.onLiveEvent(C)}),this.unsubscribe.catch(()=>{})}async load(C,V,M=!1){M||V(t1);try{V({status:"ready",value:await C()})}catch(t){V({status:"error",message:await _(this.hass,t)})}}renderLoad(C,V,M){return C.status==="loading"?A`<div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div>`:C.status==="error"?A`<div class="state error" role="alert" data-testid="error">
        ${this.t("common.error",{message:C.message})}
        ${M?A`<button @click=${M}>${this.t("common.retry")}</button>`:""}
      </div>`:V(C.value)}};r([e({attribute:!1})],u.prototype,"hass",2),r([e({type:Boolean})],u.prototype,"narrow",2),r([e({attribute:!1})],u.prototype,"params",2),r([e({attribute:!1})],u.prototype,"person",2);var A1,i1=()=>A1??=import("./echarts-setup-MBWQDIYC.js");function o1(L){let H=getComputedStyle(L),C=(V,M)=>H.getPropertyValue(V).trim()||M;return{primary:C("--primary-color","#03a9f4"),accent:C("--accent-color","#ff9800"),text:C("--primary-text-color","#212121"),secondaryText:C("--secondary-text-color","#727272"),divider:C("--divider-color","rgba(0,0,0,.12)"),background:C("--card-background-color","#fff")}}var s=class extends d{constructor(){super(...arguments);this.options={};this.label="";this.height=260}static{this.styles=a`
    :host {
      display: block;
      width: 100%;
    }
    .chart {
      width: 100%;
    }
  `}render(){return A`<div class="chart" role="img" aria-label=${this.label} style="height:${this.height}px"></div>`}async updated(C){if(!C.has("options")&&!C.has("height"))return;let V=this.renderRoot.querySelector(".chart");if(!V)return;let{echarts:M}=await i1();this.isConnected&&(!this.chart||this.chart.isDisposed()?(this.chart=M.init(V,void 0,{renderer:"svg"}),this.resizeObserver=new ResizeObserver(()=>this.chart?.resize()),this.resizeObserver.observe(V)):C.has("height")&&this.chart.resize(),this.chart.setOption(this.themed(this.options),{notMerge:!0,lazyUpdate:!1}))}disconnectedCallback(){super.disconnectedCallback(),this.resizeObserver?.disconnect(),this.chart?.dispose(),this.chart=void 0}themed(C){let V=o1(this),M=C.tooltip?{backgroundColor:V.background,borderColor:V.divider,textStyle:{color:V.text},...C.tooltip,renderMode:"richText",confine:!0}:void 0;return{color:[V.primary,V.accent,V.secondaryText],textStyle:{color:V.text,fontFamily:"inherit"},backgroundColor:"transparent",animation:!1,...C,...M?{tooltip:M}:{}}}};r([e({attribute:!1})],s.prototype,"options",2),r([e()],s.prototype,"label",2),r([e({type:Number})],s.prototype,"height",2);m("aime-chart",s);function j(L,H=new Date){return new Intl.DateTimeFormat("en-CA",{timeZone:L?.config?.time_zone,year:"numeric",month:"2-digit",day:"2-digit"}).format(H)}function w(L,H){let[C,V,M]=L.split("-").map(Number);return new Date(Date.UTC(C,V-1,M+H)).toISOString().slice(0,10)}function h2(L,H){let C=V=>Date.parse(`${V}T00:00:00Z`);return Math.round((C(H)-C(L))/864e5)+1}var T=L=>/^\d{4}-\d{2}-\d{2}$/.test(L),$={year:"numeric",month:"2-digit",day:"2-digit"},q={day:"D",month:"M",year:"Y"};function k(L){let H=L?.locale?.date_format,C=H==="system"?void 0:L?.locale?.language??L?.language,V;try{V=new Intl.DateTimeFormat(C,$).formatToParts(new Date(Date.UTC(2020,11,31)))}catch{V=new Intl.DateTimeFormat("en",$).formatToParts(new Date(Date.UTC(2020,11,31)))}let M=V.filter(p=>p.type in q).map(p=>q[p.type]).join(""),t=H==="DMY"||H==="MDY"||H==="YMD"?H:M,o=V.find(p=>p.type==="literal")?.value.trim()||"/";return{order:t,separator:o}}function B(L,H){if(!T(H))return"";let[C,V,M]=H.split("-"),t={D:M,M:V,Y:C},{order:o,separator:p}=k(L);return[...o].map(O=>t[O]).join(p)}function y(L,H){let C=H.trim().match(/\d+/g);if(!C||C.length!==3||/[^\d\s./-]/.test(H.trim()))return;let V=C[0].length===4?"YMD":k(L).order,M={};if([...V].forEach((X,J)=>M[X]=C[J]),M.Y.length!==4||M.M.length>2||M.D.length>2)return;let[t,o,p]=[Number(M.Y),Number(M.M),Number(M.D)],O=new Date(Date.UTC(t,o-1,p));if(!(O.getUTCFullYear()!==t||O.getUTCMonth()!==o-1||O.getUTCDate()!==p))return`${M.Y}-${String(o).padStart(2,"0")}-${String(p).padStart(2,"0")}`}var a1={D:"common.date.day",M:"common.date.month",Y:"common.date.year"},x=class extends d{constructor(){super(...arguments);this.value="";this.min="";this.max="";this.label=""}static{this.styles=a`
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
  `}updated(C){(C.has("value")||C.has("hass"))&&y(this.hass,this.textField.value)!==this.value&&(this.textField.value=B(this.hass,this.value))}render(){let C=k(this.hass),V=[...C.order].map(M=>i(this.hass,a1[M])).join(C.separator);return A`<input
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-label=${this.label||V}
        placeholder=${V}
        @input=${this.onInput}
        @change=${this.onTextChange}
        @keydown=${M=>M.key==="Enter"&&this.onTextChange()}
      /><button
        type="button"
        aria-label=${i(this.hass,"common.date.open_calendar")}
        title=${i(this.hass,"common.date.open_calendar")}
        @click=${this.openCalendar}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${D} /></svg></button
      ><input
        type="date"
        tabindex="-1"
        aria-hidden="true"
        .value=${this.value}
        min=${this.min}
        max=${this.max}
        @change=${()=>this.commit(this.calendar.value)}
      />`}onInput(){let C=y(this.hass,this.textField.value);C&&this.commit(C)}onTextChange(){let C=this.textField.value.trim(),V=y(this.hass,C);C?V?this.commit(V):this.textField.value=B(this.hass,this.value):this.commit("")}openCalendar(){try{this.calendar.showPicker()}catch{this.textField.focus()}}commit(C){C!==this.value&&(this.value=C,this.textField.value=B(this.hass,C),this.dispatchEvent(new Event("change",{bubbles:!0})))}};r([e({attribute:!1})],x.prototype,"hass",2),r([e()],x.prototype,"value",2),r([e()],x.prototype,"min",2),r([e()],x.prototype,"max",2),r([e()],x.prototype,"label",2),r([P("input[type=text]")],x.prototype,"textField",2),r([P("input[type=date]")],x.prototype,"calendar",2);m("aime-date-input",x);var R2=(L,H,C=10,V)=>v(L,"aime/stats",{window:H,top:C,...Z({person:V})}),D2=(L,H)=>v(L,"aime/range",Z(H)),E2=(L,H,C,V=5,M)=>v(L,"aime/compare",{current:H,previous:C,top:V,...Z({person:M})});var W2=(L,H)=>v(L,"aime/streaks",Z({person:H}));var d1=["7d","30d","365d","all","custom"],p1={"7d":7,"30d":30,"365d":365};function Y(L,H,C){let V=j(L);return H==="custom"?{window:H,first_day:C?.first_day??w(V,-29),last_day:C?.last_day??V}:H==="all"?{window:H,last_day:V}:{window:H,first_day:w(V,1-p1[H]),last_day:V}}var c=class extends d{constructor(){super(...arguments);this.windows=d1}static{this.styles=[h,a`
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
    `]}render(){let C=this.period??Y(this.hass,"30d");return A`
      <div class="windows" role="group">
        ${this.windows.map(V=>A`<button
            data-testid="period-${V}"
            part="window"
            aria-pressed=${C.window===V?"true":"false"}
            @click=${()=>this.change(Y(this.hass,V,C))}
          >
            ${i(this.hass,`common.window.${V}`)}
          </button>`)}
      </div>
      ${C.window==="custom"?A`<label
              >${i(this.hass,"common.from")}
              <aime-date-input
                data-testid="period-first"
                .hass=${this.hass}
                label=${i(this.hass,"common.from")}
                .value=${C.first_day??""}
                max=${C.last_day}
                @change=${V=>this.setDay(C,"first_day",V)}
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
                @change=${V=>this.setDay(C,"last_day",V)}
              ></aime-date-input
            ></label>`:""}
    `}setDay(C,V,M){let t=M.target.value;if(!T(t))return;let o={...C,[V]:t};o.first_day&&o.first_day>o.last_day||this.change(o)}change(C){this.period=C,this.dispatchEvent(new CustomEvent("period-changed",{detail:C,bubbles:!0,composed:!0}))}};r([e({attribute:!1})],c.prototype,"hass",2),r([e({attribute:!1})],c.prototype,"period",2),r([e({attribute:!1})],c.prototype,"windows",2);m("aime-period-picker",c);export{m1 as a,x1 as b,v1 as c,n1 as d,l1 as e,Z1 as f,S1 as g,u1 as h,s1 as i,c1 as j,O1 as k,h1 as l,h as m,k1 as n,Q as o,y1 as p,v as q,Z as r,$1 as s,q1 as t,X1 as u,J1 as v,f as w,L1 as x,b as y,V2 as z,M1 as A,r1 as B,L2 as C,M2 as D,r2 as E,e2 as F,_ as G,o2 as H,t1 as I,u as J,o1 as K,j as L,w as M,h2 as N,T as O,R2 as P,D2 as Q,E2 as R,W2 as S,Y as T};
