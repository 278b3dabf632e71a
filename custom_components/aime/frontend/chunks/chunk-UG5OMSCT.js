import{a as vt,b as p}from"./chunk-CQAH7SST.js";var G=globalThis,F=G.ShadowRoot&&(G.ShadyCSS===void 0||G.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,rt=Symbol(),wt=new WeakMap,L=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==rt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(F&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=wt.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&wt.set(e,t))}return t}toString(){return this.cssText}},xt=o=>new L(typeof o=="string"?o:o+"",void 0,rt),_=(o,...t)=>{let e=o.length===1?o[0]:t.reduce((s,r,a)=>s+(i=>{if(i._$cssResult$===!0)return i.cssText;if(typeof i=="number")return i;throw Error("Value passed to 'css' function must be a 'css' function result: "+i+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+o[a+1],o[0]);return new L(e,o,rt)},At=(o,t)=>{if(F)o.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),r=G.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=e.cssText,o.appendChild(s)}},at=F?o=>o:o=>o instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return xt(e)})(o):o;var{is:me,defineProperty:he,getOwnPropertyDescriptor:ye,getOwnPropertyNames:fe,getOwnPropertySymbols:ge,getPrototypeOf:_e}=Object,V=globalThis,$t=V.trustedTypes,be=$t?$t.emptyScript:"",ve=V.reactiveElementPolyfillSupport,z=(o,t)=>o,D={toAttribute(o,t){switch(t){case Boolean:o=o?be:null;break;case Object:case Array:o=o==null?o:JSON.stringify(o)}return o},fromAttribute(o,t){let e=o;switch(t){case Boolean:e=o!==null;break;case Number:e=o===null?null:Number(o);break;case Object:case Array:try{e=JSON.parse(o)}catch{e=null}}return e}},J=(o,t)=>!me(o,t),kt={attribute:!0,type:String,converter:D,reflect:!1,useDefault:!1,hasChanged:J};Symbol.metadata??=Symbol("metadata"),V.litPropertyMetadata??=new WeakMap;var v=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=kt){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(t,s,e);r!==void 0&&he(this.prototype,t,r)}}static getPropertyDescriptor(t,e,s){let{get:r,set:a}=ye(this.prototype,t)??{get(){return this[e]},set(i){this[e]=i}};return{get:r,set(i){let l=r?.call(this);a?.call(this,i),this.requestUpdate(t,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??kt}static _$Ei(){if(this.hasOwnProperty(z("elementProperties")))return;let t=_e(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(z("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(z("properties"))){let e=this.properties,s=[...fe(e),...ge(e)];for(let r of s)this.createProperty(r,e[r])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,r]of e)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let r=this._$Eu(e,s);r!==void 0&&this._$Eh.set(r,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let r of s)e.unshift(at(r))}else t!==void 0&&e.push(at(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return At(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),r=this.constructor._$Eu(t,s);if(r!==void 0&&s.reflect===!0){let a=(s.converter?.toAttribute!==void 0?s.converter:D).toAttribute(e,s.type);this._$Em=t,a==null?this.removeAttribute(r):this.setAttribute(r,a),this._$Em=null}}_$AK(t,e){let s=this.constructor,r=s._$Eh.get(t);if(r!==void 0&&this._$Em!==r){let a=s.getPropertyOptions(r),i=typeof a.converter=="function"?{fromAttribute:a.converter}:a.converter?.fromAttribute!==void 0?a.converter:D;this._$Em=r;let l=i.fromAttribute(e,a.type);this[r]=l??this._$Ej?.get(r)??l,this._$Em=null}}requestUpdate(t,e,s,r=!1,a){if(t!==void 0){let i=this.constructor;if(r===!1&&(a=this[t]),s??=i.getPropertyOptions(t),!((s.hasChanged??J)(a,e)||s.useDefault&&s.reflect&&a===this._$Ej?.get(t)&&!this.hasAttribute(i._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:r,wrapped:a},i){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,i??e??this[t]),a!==!0||i!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),r===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,a]of this._$Ep)this[r]=a;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,a]of s){let{wrapped:i}=a,l=this[r];i!==!0||this._$AL.has(r)||l===void 0||this.C(r,void 0,a,l)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};v.elementStyles=[],v.shadowRootOptions={mode:"open"},v[z("elementProperties")]=new Map,v[z("finalized")]=new Map,ve?.({ReactiveElement:v}),(V.reactiveElementVersions??=[]).push("2.1.2");var nt=globalThis,St=o=>o,Z=nt.trustedTypes,Et=Z?Z.createPolicy("lit-html",{createHTML:o=>o}):void 0,lt="$lit$",w=`lit$${Math.random().toFixed(9).slice(2)}$`,ct="?"+w,we=`<${ct}>`,E=document,I=()=>E.createComment(""),q=o=>o===null||typeof o!="object"&&typeof o!="function",dt=Array.isArray,Mt=o=>dt(o)||typeof o?.[Symbol.iterator]=="function",it=`[ 	
\f\r]`,O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Tt=/-->/g,Ct=/>/g,k=RegExp(`>|${it}(?:([^\\s"'>=/]+)(${it}*=${it}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Pt=/'/g,jt=/"/g,Nt=/^(?:script|style|textarea|title)$/i,ut=o=>(t,...e)=>({_$litType$:o,strings:t,values:e}),h=ut(1),We=ut(2),Be=ut(3),T=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),Rt=new WeakMap,S=E.createTreeWalker(E,129);function Ht(o,t){if(!dt(o)||!o.hasOwnProperty("raw"))throw Error("invalid template strings array");return Et!==void 0?Et.createHTML(t):t}var Lt=(o,t)=>{let e=o.length-1,s=[],r,a=t===2?"<svg>":t===3?"<math>":"",i=O;for(let l=0;l<e;l++){let n=o[l],m,y,c=-1,b=0;for(;b<n.length&&(i.lastIndex=b,y=i.exec(n),y!==null);)b=i.lastIndex,i===O?y[1]==="!--"?i=Tt:y[1]!==void 0?i=Ct:y[2]!==void 0?(Nt.test(y[2])&&(r=RegExp("</"+y[2],"g")),i=k):y[3]!==void 0&&(i=k):i===k?y[0]===">"?(i=r??O,c=-1):y[1]===void 0?c=-2:(c=i.lastIndex-y[2].length,m=y[1],i=y[3]===void 0?k:y[3]==='"'?jt:Pt):i===jt||i===Pt?i=k:i===Tt||i===Ct?i=O:(i=k,r=void 0);let x=i===k&&o[l+1].startsWith("/>")?" ":"";a+=i===O?n+we:c>=0?(s.push(m),n.slice(0,c)+lt+n.slice(c)+w+x):n+w+(c===-2?l:x)}return[Ht(o,a+(o[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},U=class o{constructor({strings:t,_$litType$:e},s){let r;this.parts=[];let a=0,i=0,l=t.length-1,n=this.parts,[m,y]=Lt(t,e);if(this.el=o.createElement(m,s),S.currentNode=this.el.content,e===2||e===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(r=S.nextNode())!==null&&n.length<l;){if(r.nodeType===1){if(r.hasAttributes())for(let c of r.getAttributeNames())if(c.endsWith(lt)){let b=y[i++],x=r.getAttribute(c).split(w),B=/([.?@])?(.*)/.exec(b);n.push({type:1,index:a,name:B[2],strings:x,ctor:B[1]==="."?Y:B[1]==="?"?Q:B[1]==="@"?X:P}),r.removeAttribute(c)}else c.startsWith(w)&&(n.push({type:6,index:a}),r.removeAttribute(c));if(Nt.test(r.tagName)){let c=r.textContent.split(w),b=c.length-1;if(b>0){r.textContent=Z?Z.emptyScript:"";for(let x=0;x<b;x++)r.append(c[x],I()),S.nextNode(),n.push({type:2,index:++a});r.append(c[b],I())}}}else if(r.nodeType===8)if(r.data===ct)n.push({type:2,index:a});else{let c=-1;for(;(c=r.data.indexOf(w,c+1))!==-1;)n.push({type:7,index:a}),c+=w.length-1}a++}}static createElement(t,e){let s=E.createElement("template");return s.innerHTML=t,s}};function C(o,t,e=o,s){if(t===T)return t;let r=s!==void 0?e._$Co?.[s]:e._$Cl,a=q(t)?void 0:t._$litDirective$;return r?.constructor!==a&&(r?._$AO?.(!1),a===void 0?r=void 0:(r=new a(o),r._$AT(o,e,s)),s!==void 0?(e._$Co??=[])[s]=r:e._$Cl=r),r!==void 0&&(t=C(o,r._$AS(o,t.values),r,s)),t}var K=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,r=(t?.creationScope??E).importNode(e,!0);S.currentNode=r;let a=S.nextNode(),i=0,l=0,n=s[0];for(;n!==void 0;){if(i===n.index){let m;n.type===2?m=new R(a,a.nextSibling,this,t):n.type===1?m=new n.ctor(a,n.name,n.strings,this,t):n.type===6&&(m=new tt(a,this,t)),this._$AV.push(m),n=s[++l]}i!==n?.index&&(a=S.nextNode(),i++)}return S.currentNode=E,r}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},R=class o{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,r){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=C(this,t,e),q(t)?t===d||t==null||t===""?(this._$AH!==d&&this._$AR(),this._$AH=d):t!==this._$AH&&t!==T&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Mt(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==d&&q(this._$AH)?this._$AA.nextSibling.data=t:this.T(E.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,r=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=U.createElement(Ht(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(e);else{let a=new K(r,this),i=a.u(this.options);a.p(e),this.T(i),this._$AH=a}}_$AC(t){let e=Rt.get(t.strings);return e===void 0&&Rt.set(t.strings,e=new U(t)),e}k(t){dt(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,r=0;for(let a of t)r===e.length?e.push(s=new o(this.O(I()),this.O(I()),this,this.options)):s=e[r],s._$AI(a),r++;r<e.length&&(this._$AR(s&&s._$AB.nextSibling,r),e.length=r)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=St(t).nextSibling;St(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},P=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,r,a){this.type=1,this._$AH=d,this._$AN=void 0,this.element=t,this.name=e,this._$AM=r,this.options=a,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(t,e=this,s,r){let a=this.strings,i=!1;if(a===void 0)t=C(this,t,e,0),i=!q(t)||t!==this._$AH&&t!==T,i&&(this._$AH=t);else{let l=t,n,m;for(t=a[0],n=0;n<a.length-1;n++)m=C(this,l[s+n],e,n),m===T&&(m=this._$AH[n]),i||=!q(m)||m!==this._$AH[n],m===d?t=d:t!==d&&(t+=(m??"")+a[n+1]),this._$AH[n]=m}i&&!r&&this.j(t)}j(t){t===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},Y=class extends P{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===d?void 0:t}},Q=class extends P{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==d)}},X=class extends P{constructor(t,e,s,r,a){super(t,e,s,r,a),this.type=5}_$AI(t,e=this){if((t=C(this,t,e,0)??d)===T)return;let s=this._$AH,r=t===d&&s!==d||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,a=t!==d&&(s===d||r);r&&this.element.removeEventListener(this.name,this,s),a&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},tt=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){C(this,t)}},Ge={M:lt,P:w,A:ct,C:1,L:Lt,R:K,D:Mt,V:C,I:R,H:P,N:Q,U:X,B:Y,F:tt},xe=nt.litHtmlPolyfillSupport;xe?.(U,R),(nt.litHtmlVersions??=[]).push("3.3.3");var zt=(o,t,e)=>{let s=e?.renderBefore??t,r=s._$litPart$;if(r===void 0){let a=e?.renderBefore??null;s._$litPart$=r=new R(t.insertBefore(I(),a),a,void 0,e??{})}return r._$AI(o),r};var pt=globalThis,f=class extends v{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=zt(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return T}};f._$litElement$=!0,f.finalized=!0,pt.litElementHydrateSupport?.({LitElement:f});var Ae=pt.litElementPolyfillSupport;Ae?.({LitElement:f});(pt.litElementVersions??=[]).push("4.2.2");var $e={attribute:!0,type:String,converter:D,reflect:!1,hasChanged:J},ke=(o=$e,t,e)=>{let{kind:s,metadata:r}=e,a=globalThis.litPropertyMetadata.get(r);if(a===void 0&&globalThis.litPropertyMetadata.set(r,a=new Map),s==="setter"&&((o=Object.create(o)).wrapped=!0),a.set(e.name,o),s==="accessor"){let{name:i}=e;return{set(l){let n=t.get.call(this);t.set.call(this,l),this.requestUpdate(i,n,o,!0,l)},init(l){return l!==void 0&&this.C(i,void 0,o,l),l}}}if(s==="setter"){let{name:i}=e;return function(l){let n=this[i];t.call(this,l),this.requestUpdate(i,n,o,!0,l)}}throw Error("Unsupported decorator location: "+s)};function u(o){return(t,e)=>typeof e=="object"?ke(o,t,e):((s,r,a)=>{let i=r.hasOwnProperty(a);return r.constructor.createProperty(a,s),i?Object.getOwnPropertyDescriptor(r,a):void 0})(o,t,e)}function Dt(o){return u({...o,state:!0,attribute:!1})}var st=_`
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
`,Rs=_`
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
`;var mt="home-assistant";function A(o,t){let e=()=>{customElements.get(o)||customElements.define(o,t)};customElements.get(mt)||!globalThis.document?.querySelector(mt)?e():customElements.whenDefined(mt).then(e)}var ht={};vt(ht,{album:()=>Bt,artist:()=>Gt,cards:()=>Jt,collection:()=>Wt,common:()=>Ot,journal:()=>Ft,panel:()=>It,playlists:()=>Ut,stats:()=>qt,timeline:()=>Vt});var Ot={"common.loading":"Loading\u2026","common.error":"Could not load this: {message}","common.retry":"Try again","common.empty":"Nothing here yet.","common.minutes":"{minutes} min","common.hours_minutes":"{hours} h {minutes} min","common.plays":"{count} plays","common.play":"Play","common.play_in":"Play in","common.choose_zone":"Choose a zone","common.no_zone":"No Roon zone is available.","common.playing_in":"Playing in {zone}","common.unknown":"Unknown","common.loved":"Loved","common.search":"Search","common.all":"All","common.more":"More","common.close":"Close","common.admin_only":"Only administrators can do this.","common.source.lastfm":"Last.fm","common.source.roon":"Roon","common.source.aime_import":"AIME import","common.window.7d":"7 days","common.window.30d":"30 days","common.window.365d":"365 days","common.window.all":"All time","common.window.custom":"Custom","common.from":"From","common.to":"To","common.no_cover":"No cover"};var It={"panel.title":"AIME","panel.menu":"Open the sidebar","panel.nav.label":"AIME views","panel.nav.journal":"Journal","panel.nav.timeline":"Timeline","panel.nav.stats":"Statistics","panel.nav.collection":"Collection","panel.nav.playlists":"Playlists","panel.not_found":"This page does not exist.","panel.no_hub":"AIME is not set up yet: add the AIME integration first.","panel.now_playing.label":"Now playing","panel.now_playing.idle":"Nothing playing","panel.now_playing.previous":"Previous track","panel.now_playing.play":"Play","panel.now_playing.pause":"Pause","panel.now_playing.next":"Next track"};var qt={"stats.range":"{first} \u2013 {last}","stats.updating":"Updating\u2026","stats.empty":"No plays in this period. Pick a longer one or another range.","stats.older_hub":"This hub answers only the preset periods: update AIME to browse any range and its chart.","stats.figures":"Figures of the period","stats.one_play":"1 play","stats.plays":"Plays","stats.listening":"Listening time","stats.estimated":"{count} with an estimated length","stats.active_days":"Active days","stats.active_days_of":"of {days} days","stats.unique_artists":"Artists","stats.unique_albums":"Albums","stats.unique_tracks":"Tracks","stats.longest_streak":"Longest streak","stats.days":"{count} days","stats.day":"1 day","stats.sessions":"Sessions","stats.sessions_detail":"{average} on average, longest {longest}","stats.series":"Plays and listening time","stats.series_hours":"Listening time (h)","stats.granularity":"Group by","stats.granularity.day":"Day","stats.granularity.week":"Week","stats.granularity.month":"Month","stats.week_of":"Week of {date}","stats.heatmap":"When you listen","stats.heatmap_label":"Plays by weekday and hour","stats.heatmap_cell":"{weekday}, {hour}: {plays} plays","stats.peak":"Busiest: {weekday} around {hour}","stats.streaks":"Streaks","stats.streak_current":"Current streak","stats.streak_longest":"Longest streak ever","stats.streak_span":"{first} \u2013 {last}","stats.streak_none":"No streak yet.","stats.top_artists":"Top artists","stats.top_albums":"Top albums","stats.top_tracks":"Top tracks","stats.top_genres":"Top genres","stats.top_genres_hint":"From the genres of your collection\u2019s records.","stats.top_empty":"Nothing played in this period.","stats.new_artists":"New artists","stats.new_artists_count":"{count} first heard in this period","stats.new_artists_one":"1 first heard in this period","stats.new_artists_empty":"No new artist in this period.","stats.first_played":"First played {date}","stats.show_more":"Show more ({count} left)","stats.compare":"Comparison","stats.compare_with":"Compare with","stats.compare.previous":"Previous period","stats.compare.custom":"Another range","stats.compare_all":"All time has no previous period: pick a range to compare with.","stats.compare_current":"This period","stats.compare_other":"Compared with","stats.change_none":"no change","stats.change_new":"new","stats.change_up":"up {change}","stats.change_down":"down {change}","stats.compare_top":"Top artists"};var Ut={"playlists.title":"Playlists","playlists.all":"All playlists","playlists.empty":"No playlist yet. Generate one from your listening history: it is saved here.","playlists.choose":"Choose a playlist to see its tracks, play it in a zone or export it.","playlists.generate":"Generate","playlists.generate_first":"Generate a playlist","playlists.generate_title":"Generate a playlist","playlists.generate_submit":"Generate","playlists.generating":"Generating\u2026","playlists.cancel":"Cancel","playlists.save":"Save","playlists.created":"Created {date}","playlists.track_count":"{count} tracks","playlists.artist_count":"{count} artists","playlists.album_count":"{count} albums","playlists.unknown_durations":"{count} of unknown length","playlists.tracks":"Tracks","playlists.no_tracks":"This playlist has no tracks.","playlists.preview_note":"Just generated and saved: {count} tracks.","playlists.export":"Export","playlists.export_button":"Export","playlists.export_hint":"Writes a file under the aime/exports folder of Home Assistant's configuration.","playlists.exported":"Exported to {path}","playlists.rename":"Rename","playlists.new_name":"New name","playlists.delete":"Delete","playlists.delete_confirm":"Delete the playlist \u201C{name}\u201D? This cannot be undone.","playlists.field.algorithm":"Algorithm","playlists.field.max_tracks":"Maximum tracks","playlists.field.window":"Window","playlists.field.prompt":"Prompt","playlists.field.name":"Name","playlists.field.seed":"Random seed","playlists.field.hour":"Hour","playlists.field.day_type":"Days","playlists.field.rediscovery_days":"Not played for (days)","playlists.prompt_placeholder":"Slow jazz for a rainy Sunday morning","playlists.name_placeholder":"By default the algorithm and the window","playlists.seed_placeholder":"None: ties follow a fixed order","playlists.hour_placeholder":"Now","playlists.invalid.max_tracks":"Maximum tracks must be a whole number from {min} to {max}.","playlists.invalid.seed":"The random seed must be a whole number from 0 to {max}.","playlists.invalid.prompt":"Describe the playlist you want: the AI needs a prompt.","playlists.invalid.hour":"The hour must be a whole number from 0 to 23.","playlists.invalid.rediscovery_days":"\u201CNot played for\u201D must be a whole number of days from 1 to {max}.","playlists.algorithm.top_sessions":"Top sessions","playlists.algorithm.artist_correlations":"Artist correlations","playlists.algorithm.artist_flow":"Artist flow","playlists.algorithm.time_based":"Time of day","playlists.algorithm.complete_albums":"Complete albums","playlists.algorithm.rediscovery":"Rediscovery","playlists.algorithm.ai_generated":"AI generated","playlists.algorithm_hint.top_sessions":"The tracks of your longest listening sessions, in play order.","playlists.algorithm_hint.artist_correlations":"Artists you hear in the same sessions, alternating their most played tracks.","playlists.algorithm_hint.artist_flow":"A walk along the artist changes you make most often.","playlists.algorithm_hint.time_based":"What you play most at one hour of the day, on every day, weekdays or weekends.","playlists.algorithm_hint.complete_albums":"Albums you listen to from start to end, whole and in order.","playlists.algorithm_hint.rediscovery":"Loved or once much played tracks you have not heard for a while.","playlists.algorithm_hint.ai_generated":"Your AI service picks tracks from your history that fit your prompt.","playlists.window.all":"All time","playlists.window.today":"Today","playlists.window.week":"This week","playlists.window.month":"This month","playlists.window.year":"This year","playlists.window.7d":"Last 7 days","playlists.window.30d":"Last 30 days","playlists.window.365d":"Last 365 days","playlists.day_type.any":"Every day","playlists.day_type.weekday":"Weekdays","playlists.day_type.weekend":"Weekends","playlists.format.m3u":"M3U","playlists.format.json":"JSON","playlists.format.csv":"CSV"};var Wt={"collection.title":"Record collection","collection.search":"Search the collection","collection.search_placeholder":"Artist or title","collection.format":"Format","collection.genre":"Genre","collection.style":"Style","collection.decade":"Decade","collection.decade_value":"{decade}s","collection.any":"All","collection.option_count":"{name} ({count})","collection.sort":"Sort by","collection.sort.artist":"Artist","collection.sort.title":"Title","collection.sort.year":"Year","collection.sort.added":"Date added","collection.sort.plays":"Plays","collection.sort.last_played":"Last played","collection.ascending":"Ascending order","collection.descending":"Descending order","collection.shelves":"Shelves","collection.shelf.never_played":"Never played","collection.shelf.not_played_year":"Not played for a year","collection.clear":"Clear filters","collection.stats.records":"Records","collection.stats.played_share":"Played in the last 12 months","collection.stats.never_played":"Never played","collection.total.one":"{count} record","collection.total.other":"{count} records","collection.total_of":"{shown} of {total}","collection.empty":"Your collection is empty. Link your Discogs account in AIME\u2019s options to see your records here.","collection.no_match":"No record matches these filters.","collection.more":"More records","collection.facets_error":"The filters could not be loaded: {message}","collection.format.vinyl":"Vinyl","collection.format.cd":"CD","collection.format.cassette":"Cassette","collection.format.digital":"Digital","collection.format.box_set":"Box set","collection.format.other":"Other","collection.format.unknown":"Unknown format","collection.plays.one":"{count} play","collection.plays.other":"{count} plays","collection.never_played":"Never played","collection.last_played":"Last played {when}","collection.source.manual":"manual entry"};var Bt={"album.kind":"Album","album.original_year":"Released in {year}","album.pressing_year":"This pressing: {year}","album.genres":"Genres","album.styles":"Styles","album.plays":"Plays","album.listening":"Listening time","album.first_played":"First played","album.last_played":"Last played","album.never":"Never","album.play":"Play the album","album.links":"Links","album.new_tab":"{service} (opens in a new tab)","album.description":"About this album","album.description_by":"Written by {model}, {when}","album.no_description":"No description yet.","album.regenerate":"Regenerate","album.write":"Write a description","album.writing":"Writing\u2026","album.regenerate_failed":"The description could not be written: {message}","album.tracks":"Tracks","album.no_tracks":"No track of this album has been played yet.","album.records":"In your collection","album.not_owned":"This album is not in your collection.","album.record_pressing":"Pressing {year}","album.record_added":"Added on {when}","album.record_discogs":"See on Discogs","album.history":"Every play","album.no_plays":"This album has not been played yet.","album.more_plays":"More plays","album.via":"via {source}","album.on_device":"on {device}"};var Gt={"artist.kind":"Artist","artist.stands_for":"Stands for: {names}","artist.plays":"Plays","artist.albums":"Albums","artist.first_played":"First played","artist.last_played":"Last played","artist.never":"Never","artist.play":"Play the artist","artist.links":"Links","artist.new_tab":"{service} (opens in a new tab)","artist.chart":"Plays by month","artist.chart_label":"Plays of {name} by month","artist.no_months":"No play of this artist yet.","artist.albums_played":"Albums played","artist.no_albums":"No album of this artist has been played yet.","artist.albums_owned":"Albums owned","artist.albums_owned_unplayed":"In your collection, never played","artist.owned":"Owned","artist.top_tracks":"Top tracks","artist.no_tracks":"No track of this artist has been played yet.","artist.by":"by {artist}"};var Ft={"journal.search_label":"Search the plays","journal.search_placeholder":"Search a track, artist or album","journal.source_label":"Source","journal.source_any":"All sources","journal.source.manual":"Manual","journal.loved_only":"Loved only","journal.clear":"Clear filters","journal.chip.artist":"Artist: {name}","journal.chip.album":"Album: {name}","journal.chip.remove":"Remove the filter {name}","journal.unknown_name":"#{id}","journal.filter_artist":"Artist","journal.filter_album":"Album","journal.only_artist":"Show only the plays by {name}","journal.only_album":"Show only the plays of {name}","journal.total":"{shown} of {total} plays","journal.total_all":"{total} plays","journal.total_one":"1 play","journal.today":"Today","journal.yesterday":"Yesterday","journal.empty":"No plays yet. AIME records what you listen to on Roon and Last.fm.","journal.no_match":"No plays match these filters.","journal.bad_range":"The first day comes after the last day: choose an earlier first day.","journal.loading_more":"Loading more plays\u2026","journal.load_more":"Load more","journal.more_error":"Could not load more plays: {message}"};var Vt={"timeline.day_label":"Day","timeline.previous":"Previous day","timeline.next":"Next day","timeline.today":"Today","timeline.today_title":"Today, {date}","timeline.yesterday_title":"Yesterday, {date}","timeline.plays_label":"plays","timeline.plays_one":"play","timeline.plays_one_count":"1 play","timeline.listening":"listening time","timeline.estimated":"({count} estimated)","timeline.estimated_help":"Plays without a known duration count for a typical track's length.","timeline.span":"first and last play","timeline.open_journal":"See this day in the journal","timeline.chart_label":"Plays by hour","timeline.hour_plays":"{hour}: {count} plays","timeline.empty":"No plays on this day.","timeline.back_today":"Back to today","timeline.empty_hour":"{hour} \xB7 no plays","timeline.empty_hours":"{first} \u2013 {end} \xB7 no plays","timeline.bad_day":"\u201C{day}\u201D is not a date: use the form 2024-03-31."};var Jt={"cards.open_panel":"Open AIME","cards.stats.name":"AIME listening statistics","cards.stats.description":"Plays, listening time, a chart and your top artists, albums or tracks for a period.","cards.stats.default_title":"Listening","cards.stats.plays":"Plays","cards.stats.listening":"Listening time","cards.stats.hours":"{hours} h","cards.stats.artists":"Artists","cards.stats.empty":"No plays in this period.","cards.stats.top_artists":"Top artists","cards.stats.top_albums":"Top albums","cards.stats.top_tracks":"Top tracks","cards.stats.chart_day":"Plays per day","cards.stats.chart_week":"Plays per week","cards.stats.chart_month":"Plays per month","cards.recent.name":"AIME recent plays","cards.recent.description":"What your Roon zones play now and your latest plays, updated live.","cards.recent.default_title":"Recent plays","cards.recent.empty":"No plays yet.","cards.recent.just_now":"just now","cards.editor.title":"Title","cards.editor.period":"Period","cards.editor.top":"Top list","cards.editor.top_count":"Items in the top list","cards.editor.show_chart":"Show the chart","cards.editor.count":"Number of plays","cards.editor.show_now_playing":"Show what the zones play now","cards.invalid.config":"The card's configuration must be a set of options.","cards.invalid.title":"title must be text.","cards.invalid.boolean":"{option} must be true or false.","cards.invalid.count":"{option} must be a whole number from {min} to {max}.","cards.invalid.choice":"{option} must be one of: {choices}."};var yt={};vt(yt,{album:()=>te,artist:()=>ee,cards:()=>re,collection:()=>Xt,common:()=>Zt,journal:()=>se,panel:()=>Kt,playlists:()=>Qt,stats:()=>Yt,timeline:()=>oe});var Zt={"common.loading":"Chargement\u2026","common.error":"Impossible de charger ceci : {message}","common.retry":"R\xE9essayer","common.empty":"Rien pour l\u2019instant.","common.minutes":"{minutes} min","common.hours_minutes":"{hours} h {minutes} min","common.plays":"{count} \xE9coutes","common.play":"Lire","common.play_in":"Lire dans","common.choose_zone":"Choisir une zone","common.no_zone":"Aucune zone Roon n\u2019est disponible.","common.playing_in":"Lecture dans {zone}","common.unknown":"Inconnu","common.loved":"Favori","common.search":"Rechercher","common.all":"Tout","common.more":"Plus","common.close":"Fermer","common.admin_only":"Seuls les administrateurs peuvent faire cela.","common.source.lastfm":"Last.fm","common.source.roon":"Roon","common.source.aime_import":"Import AIME","common.window.7d":"7 jours","common.window.30d":"30 jours","common.window.365d":"365 jours","common.window.all":"Depuis le d\xE9but","common.window.custom":"Personnalis\xE9e","common.from":"Du","common.to":"Au","common.no_cover":"Pas de pochette"};var Kt={"panel.title":"AIME","panel.menu":"Ouvrir la barre lat\xE9rale","panel.nav.label":"Vues d\u2019AIME","panel.nav.journal":"Journal","panel.nav.timeline":"Chronologie","panel.nav.stats":"Statistiques","panel.nav.collection":"Collection","panel.nav.playlists":"Playlists","panel.not_found":"Cette page n\u2019existe pas.","panel.no_hub":"AIME n\u2019est pas encore configur\xE9 : ajoutez d\u2019abord l\u2019int\xE9gration AIME.","panel.now_playing.label":"En cours de lecture","panel.now_playing.idle":"Rien en lecture","panel.now_playing.previous":"Piste pr\xE9c\xE9dente","panel.now_playing.play":"Lecture","panel.now_playing.pause":"Pause","panel.now_playing.next":"Piste suivante"};var Yt={"stats.range":"{first} \u2013 {last}","stats.updating":"Mise \xE0 jour\u2026","stats.empty":"Aucune \xE9coute sur cette p\xE9riode. Choisissez-en une plus longue ou une autre plage.","stats.older_hub":"Ce hub ne r\xE9pond qu\u2019aux p\xE9riodes pr\xE9d\xE9finies : mettez AIME \xE0 jour pour parcourir n\u2019importe quelle plage et son graphique.","stats.figures":"Chiffres de la p\xE9riode","stats.one_play":"1 \xE9coute","stats.plays":"\xC9coutes","stats.listening":"Temps d\u2019\xE9coute","stats.estimated":"dont {count} de dur\xE9e estim\xE9e","stats.active_days":"Jours actifs","stats.active_days_of":"sur {days} jours","stats.unique_artists":"Artistes","stats.unique_albums":"Albums","stats.unique_tracks":"Morceaux","stats.longest_streak":"Plus longue s\xE9rie","stats.days":"{count} jours","stats.day":"1 jour","stats.sessions":"Sessions","stats.sessions_detail":"{average} en moyenne, la plus longue {longest}","stats.series":"\xC9coutes et temps d\u2019\xE9coute","stats.series_hours":"Temps d\u2019\xE9coute (h)","stats.granularity":"Regrouper par","stats.granularity.day":"Jour","stats.granularity.week":"Semaine","stats.granularity.month":"Mois","stats.week_of":"Semaine du {date}","stats.heatmap":"Quand vous \xE9coutez","stats.heatmap_label":"\xC9coutes par jour de la semaine et par heure","stats.heatmap_cell":"{weekday}, {hour} : {plays} \xE9coutes","stats.peak":"Moment le plus charg\xE9 : {weekday} vers {hour}","stats.streaks":"S\xE9ries","stats.streak_current":"S\xE9rie en cours","stats.streak_longest":"Plus longue s\xE9rie de tous les temps","stats.streak_span":"{first} \u2013 {last}","stats.streak_none":"Pas encore de s\xE9rie.","stats.top_artists":"Artistes les plus \xE9cout\xE9s","stats.top_albums":"Albums les plus \xE9cout\xE9s","stats.top_tracks":"Morceaux les plus \xE9cout\xE9s","stats.top_genres":"Genres les plus \xE9cout\xE9s","stats.top_genres_hint":"D\u2019apr\xE8s les genres des disques de votre collection.","stats.top_empty":"Rien d\u2019\xE9cout\xE9 sur cette p\xE9riode.","stats.new_artists":"Nouveaux artistes","stats.new_artists_count":"{count} d\xE9couverts sur cette p\xE9riode","stats.new_artists_one":"1 d\xE9couvert sur cette p\xE9riode","stats.new_artists_empty":"Aucun nouvel artiste sur cette p\xE9riode.","stats.first_played":"Premi\xE8re \xE9coute le {date}","stats.show_more":"Afficher plus ({count} restants)","stats.compare":"Comparaison","stats.compare_with":"Comparer avec","stats.compare.previous":"P\xE9riode pr\xE9c\xE9dente","stats.compare.custom":"Une autre plage","stats.compare_all":"Depuis le d\xE9but, il n\u2019y a pas de p\xE9riode pr\xE9c\xE9dente : choisissez une plage \xE0 comparer.","stats.compare_current":"Cette p\xE9riode","stats.compare_other":"Compar\xE9e \xE0","stats.change_none":"stable","stats.change_new":"nouveau","stats.change_up":"en hausse de {change}","stats.change_down":"en baisse de {change}","stats.compare_top":"Artistes les plus \xE9cout\xE9s"};var Qt={"playlists.title":"Playlists","playlists.all":"Toutes les playlists","playlists.empty":"Aucune playlist pour l\u2019instant. G\xE9n\xE9rez-en une \xE0 partir de votre historique d\u2019\xE9coute : elle sera enregistr\xE9e ici.","playlists.choose":"Choisissez une playlist pour voir ses titres, la lire dans une zone ou l\u2019exporter.","playlists.generate":"G\xE9n\xE9rer","playlists.generate_first":"G\xE9n\xE9rer une playlist","playlists.generate_title":"G\xE9n\xE9rer une playlist","playlists.generate_submit":"G\xE9n\xE9rer","playlists.generating":"G\xE9n\xE9ration\u2026","playlists.cancel":"Annuler","playlists.save":"Enregistrer","playlists.created":"Cr\xE9\xE9e le {date}","playlists.track_count":"{count} titres","playlists.artist_count":"{count} artistes","playlists.album_count":"{count} albums","playlists.unknown_durations":"{count} de dur\xE9e inconnue","playlists.tracks":"Titres","playlists.no_tracks":"Cette playlist ne contient aucun titre.","playlists.preview_note":"G\xE9n\xE9r\xE9e et enregistr\xE9e \xE0 l\u2019instant : {count} titres.","playlists.export":"Exporter","playlists.export_button":"Exporter","playlists.export_hint":"\xC9crit un fichier dans le dossier aime/exports de la configuration de Home Assistant.","playlists.exported":"Export\xE9e dans {path}","playlists.rename":"Renommer","playlists.new_name":"Nouveau nom","playlists.delete":"Supprimer","playlists.delete_confirm":"Supprimer la playlist \xAB {name} \xBB ? Cette action est d\xE9finitive.","playlists.field.algorithm":"Algorithme","playlists.field.max_tracks":"Nombre maximal de titres","playlists.field.window":"P\xE9riode","playlists.field.prompt":"Consigne","playlists.field.name":"Nom","playlists.field.seed":"Graine al\xE9atoire","playlists.field.hour":"Heure","playlists.field.day_type":"Jours","playlists.field.rediscovery_days":"Pas \xE9cout\xE9 depuis (jours)","playlists.prompt_placeholder":"Du jazz lent pour un dimanche matin pluvieux","playlists.name_placeholder":"Par d\xE9faut l\u2019algorithme et la p\xE9riode","playlists.seed_placeholder":"Aucune : les ex \xE6quo suivent un ordre fixe","playlists.hour_placeholder":"Maintenant","playlists.invalid.max_tracks":"Le nombre maximal de titres doit \xEAtre un nombre entier de {min} \xE0 {max}.","playlists.invalid.seed":"La graine al\xE9atoire doit \xEAtre un nombre entier de 0 \xE0 {max}.","playlists.invalid.prompt":"D\xE9crivez la playlist voulue : l\u2019IA a besoin d\u2019une consigne.","playlists.invalid.hour":"L\u2019heure doit \xEAtre un nombre entier de 0 \xE0 23.","playlists.invalid.rediscovery_days":"\xAB Pas \xE9cout\xE9 depuis \xBB doit \xEAtre un nombre entier de jours de 1 \xE0 {max}.","playlists.algorithm.top_sessions":"Meilleures sessions","playlists.algorithm.artist_correlations":"Corr\xE9lations d\u2019artistes","playlists.algorithm.artist_flow":"Flux d\u2019artistes","playlists.algorithm.time_based":"Selon l\u2019heure","playlists.algorithm.complete_albums":"Albums complets","playlists.algorithm.rediscovery":"Red\xE9couverte","playlists.algorithm.ai_generated":"G\xE9n\xE9r\xE9e par l\u2019IA","playlists.algorithm_hint.top_sessions":"Les titres de vos plus longues sessions d\u2019\xE9coute, dans l\u2019ordre d\u2019\xE9coute.","playlists.algorithm_hint.artist_correlations":"Les artistes que vous \xE9coutez dans les m\xEAmes sessions, en alternant leurs titres les plus \xE9cout\xE9s.","playlists.algorithm_hint.artist_flow":"Une promenade le long des encha\xEEnements d\u2019artistes que vous faites le plus souvent.","playlists.algorithm_hint.time_based":"Ce que vous \xE9coutez le plus \xE0 une heure de la journ\xE9e, tous les jours, en semaine ou le week-end.","playlists.algorithm_hint.complete_albums":"Les albums que vous \xE9coutez du d\xE9but \xE0 la fin, entiers et dans l\u2019ordre.","playlists.algorithm_hint.rediscovery":"Des titres aim\xE9s ou tr\xE8s \xE9cout\xE9s autrefois que vous n\u2019avez pas entendus depuis un moment.","playlists.algorithm_hint.ai_generated":"Votre service d\u2019IA choisit dans votre historique les titres qui r\xE9pondent \xE0 votre consigne.","playlists.window.all":"Depuis toujours","playlists.window.today":"Aujourd\u2019hui","playlists.window.week":"Cette semaine","playlists.window.month":"Ce mois-ci","playlists.window.year":"Cette ann\xE9e","playlists.window.7d":"7 derniers jours","playlists.window.30d":"30 derniers jours","playlists.window.365d":"365 derniers jours","playlists.day_type.any":"Tous les jours","playlists.day_type.weekday":"En semaine","playlists.day_type.weekend":"Le week-end","playlists.format.m3u":"M3U","playlists.format.json":"JSON","playlists.format.csv":"CSV"};var Xt={"collection.title":"Collection de disques","collection.search":"Rechercher dans la collection","collection.search_placeholder":"Artiste ou titre","collection.format":"Support","collection.genre":"Genre","collection.style":"Style","collection.decade":"D\xE9cennie","collection.decade_value":"Ann\xE9es {decade}","collection.any":"Tous","collection.option_count":"{name} ({count})","collection.sort":"Trier par","collection.sort.artist":"Artiste","collection.sort.title":"Titre","collection.sort.year":"Ann\xE9e","collection.sort.added":"Date d\u2019ajout","collection.sort.plays":"\xC9coutes","collection.sort.last_played":"Derni\xE8re \xE9coute","collection.ascending":"Ordre croissant","collection.descending":"Ordre d\xE9croissant","collection.shelves":"\xC9tag\xE8res","collection.shelf.never_played":"Jamais \xE9cout\xE9s","collection.shelf.not_played_year":"Pas \xE9cout\xE9s depuis un an","collection.clear":"Effacer les filtres","collection.stats.records":"Disques","collection.stats.played_share":"\xC9cout\xE9s ces 12 derniers mois","collection.stats.never_played":"Jamais \xE9cout\xE9s","collection.total.one":"{count} disque","collection.total.other":"{count} disques","collection.total_of":"{shown} sur {total}","collection.empty":"Votre collection est vide. Reliez votre compte Discogs dans les options d\u2019AIME pour voir vos disques ici.","collection.no_match":"Aucun disque ne correspond \xE0 ces filtres.","collection.more":"Plus de disques","collection.facets_error":"Les filtres n\u2019ont pas pu \xEAtre charg\xE9s : {message}","collection.format.vinyl":"Vinyle","collection.format.cd":"CD","collection.format.cassette":"Cassette","collection.format.digital":"Num\xE9rique","collection.format.box_set":"Coffret","collection.format.other":"Autre","collection.format.unknown":"Support inconnu","collection.plays.one":"{count} \xE9coute","collection.plays.other":"{count} \xE9coutes","collection.never_played":"Jamais \xE9cout\xE9","collection.last_played":"Derni\xE8re \xE9coute le {when}","collection.source.manual":"saisie manuelle"};var te={"album.kind":"Album","album.original_year":"Sorti en {year}","album.pressing_year":"Ce pressage : {year}","album.genres":"Genres","album.styles":"Styles","album.plays":"\xC9coutes","album.listening":"Temps d\u2019\xE9coute","album.first_played":"Premi\xE8re \xE9coute","album.last_played":"Derni\xE8re \xE9coute","album.never":"Jamais","album.play":"\xC9couter l\u2019album","album.links":"Liens","album.new_tab":"{service} (s\u2019ouvre dans un nouvel onglet)","album.description":"\xC0 propos de cet album","album.description_by":"\xC9crit par {model}, le {when}","album.no_description":"Pas encore de description.","album.regenerate":"R\xE9g\xE9n\xE9rer","album.write":"\xC9crire une description","album.writing":"\xC9criture en cours\u2026","album.regenerate_failed":"La description n\u2019a pas pu \xEAtre \xE9crite : {message}","album.tracks":"Titres","album.no_tracks":"Aucun titre de cet album n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","album.records":"Dans votre collection","album.not_owned":"Cet album n\u2019est pas dans votre collection.","album.record_pressing":"Pressage {year}","album.record_added":"Ajout\xE9 le {when}","album.record_discogs":"Voir sur Discogs","album.history":"Toutes les \xE9coutes","album.no_plays":"Cet album n\u2019a pas encore \xE9t\xE9 \xE9cout\xE9.","album.more_plays":"Plus d\u2019\xE9coutes","album.via":"via {source}","album.on_device":"sur {device}"};var ee={"artist.kind":"Artiste","artist.stands_for":"Regroupe : {names}","artist.plays":"\xC9coutes","artist.albums":"Albums","artist.first_played":"Premi\xE8re \xE9coute","artist.last_played":"Derni\xE8re \xE9coute","artist.never":"Jamais","artist.play":"\xC9couter l\u2019artiste","artist.links":"Liens","artist.new_tab":"{service} (s\u2019ouvre dans un nouvel onglet)","artist.chart":"\xC9coutes par mois","artist.chart_label":"\xC9coutes de {name} par mois","artist.no_months":"Cet artiste n\u2019a pas encore \xE9t\xE9 \xE9cout\xE9.","artist.albums_played":"Albums \xE9cout\xE9s","artist.no_albums":"Aucun album de cet artiste n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","artist.albums_owned":"Albums poss\xE9d\xE9s","artist.albums_owned_unplayed":"Dans votre collection, jamais \xE9cout\xE9s","artist.owned":"Dans la collection","artist.top_tracks":"Titres les plus \xE9cout\xE9s","artist.no_tracks":"Aucun titre de cet artiste n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","artist.by":"par {artist}"};var se={"journal.search_label":"Rechercher dans les \xE9coutes","journal.search_placeholder":"Rechercher un titre, un artiste ou un album","journal.source_label":"Source","journal.source_any":"Toutes les sources","journal.source.manual":"Manuelle","journal.loved_only":"Favoris uniquement","journal.clear":"Effacer les filtres","journal.chip.artist":"Artiste : {name}","journal.chip.album":"Album : {name}","journal.chip.remove":"Retirer le filtre {name}","journal.unknown_name":"n\xB0 {id}","journal.filter_artist":"Artiste","journal.filter_album":"Album","journal.only_artist":"N\u2019afficher que les \xE9coutes de {name}","journal.only_album":"N\u2019afficher que les \xE9coutes de l\u2019album {name}","journal.total":"{shown} sur {total} \xE9coutes","journal.total_all":"{total} \xE9coutes","journal.total_one":"1 \xE9coute","journal.today":"Aujourd\u2019hui","journal.yesterday":"Hier","journal.empty":"Aucune \xE9coute pour l\u2019instant. AIME enregistre ce que vous \xE9coutez sur Roon et Last.fm.","journal.no_match":"Aucune \xE9coute ne correspond \xE0 ces filtres.","journal.bad_range":"Le premier jour est apr\xE8s le dernier : choisissez un premier jour plus t\xF4t.","journal.loading_more":"Chargement d\u2019autres \xE9coutes\u2026","journal.load_more":"Afficher plus","journal.more_error":"Impossible de charger d\u2019autres \xE9coutes : {message}"};var oe={"timeline.day_label":"Jour","timeline.previous":"Jour pr\xE9c\xE9dent","timeline.next":"Jour suivant","timeline.today":"Aujourd\u2019hui","timeline.today_title":"Aujourd\u2019hui, {date}","timeline.yesterday_title":"Hier, {date}","timeline.plays_label":"\xE9coutes","timeline.plays_one":"\xE9coute","timeline.plays_one_count":"1 \xE9coute","timeline.listening":"temps d\u2019\xE9coute","timeline.estimated":"({count} estim\xE9es)","timeline.estimated_help":"Les \xE9coutes sans dur\xE9e connue comptent pour la dur\xE9e d\u2019un morceau typique.","timeline.span":"premi\xE8re et derni\xE8re \xE9coute","timeline.open_journal":"Voir ce jour dans le journal","timeline.chart_label":"\xC9coutes par heure","timeline.hour_plays":"{hour} : {count} \xE9coutes","timeline.empty":"Aucune \xE9coute ce jour-l\xE0.","timeline.back_today":"Revenir \xE0 aujourd\u2019hui","timeline.empty_hour":"{hour} \xB7 aucune \xE9coute","timeline.empty_hours":"{first} \u2013 {end} \xB7 aucune \xE9coute","timeline.bad_day":"\xAB {day} \xBB n\u2019est pas une date : utilisez la forme 2024-03-31."};var re={"cards.open_panel":"Ouvrir AIME","cards.stats.name":"Statistiques d\u2019\xE9coute AIME","cards.stats.description":"\xC9coutes, temps d\u2019\xE9coute, un graphique et vos artistes, albums ou titres pr\xE9f\xE9r\xE9s sur une p\xE9riode.","cards.stats.default_title":"\xC9coute","cards.stats.plays":"\xC9coutes","cards.stats.listening":"Temps d\u2019\xE9coute","cards.stats.hours":"{hours} h","cards.stats.artists":"Artistes","cards.stats.empty":"Aucune \xE9coute sur cette p\xE9riode.","cards.stats.top_artists":"Artistes les plus \xE9cout\xE9s","cards.stats.top_albums":"Albums les plus \xE9cout\xE9s","cards.stats.top_tracks":"Titres les plus \xE9cout\xE9s","cards.stats.chart_day":"\xC9coutes par jour","cards.stats.chart_week":"\xC9coutes par semaine","cards.stats.chart_month":"\xC9coutes par mois","cards.recent.name":"\xC9coutes r\xE9centes AIME","cards.recent.description":"Ce que jouent vos zones Roon et vos derni\xE8res \xE9coutes, mis \xE0 jour en direct.","cards.recent.default_title":"\xC9coutes r\xE9centes","cards.recent.empty":"Aucune \xE9coute pour l\u2019instant.","cards.recent.just_now":"\xE0 l\u2019instant","cards.editor.title":"Titre","cards.editor.period":"P\xE9riode","cards.editor.top":"Classement","cards.editor.top_count":"\xC9l\xE9ments du classement","cards.editor.show_chart":"Afficher le graphique","cards.editor.count":"Nombre d\u2019\xE9coutes","cards.editor.show_now_playing":"Afficher ce que jouent les zones","cards.invalid.config":"La configuration de la carte doit \xEAtre un ensemble d\u2019options.","cards.invalid.title":"title doit \xEAtre un texte.","cards.invalid.boolean":"{option} doit valoir true ou false.","cards.invalid.count":"{option} doit \xEAtre un nombre entier de {min} \xE0 {max}.","cards.invalid.choice":"{option} doit \xEAtre l\u2019une de ces valeurs : {choices}."};var ae=o=>Object.assign({},...Object.values(o)),ft={en:ae(ht),fr:ae(yt)};function Se(o){let e=(o?.locale?.language??o?.language??"en").toLowerCase().split("-")[0];return e in ft?e:"en"}function g(o,t,e={}){return(ft[Se(o)][t]??ft.en[t]??t).replace(/\{(\w+)\}/g,(r,a)=>a in e?String(e[a]):r)}var gt=o=>o?.locale?.language??o?.language??"en";function Ee(o,t){return new Intl.NumberFormat(gt(o)).format(t)}var Te=o=>o?.config?.time_zone;function xo(o,t,e={dateStyle:"medium",timeStyle:"short"}){let s=typeof t=="number"?new Date(t*1e3):new Date(t);return new Intl.DateTimeFormat(gt(o),{...e,timeZone:Te(o)}).format(s)}function Ao(o,t,e={dateStyle:"medium"}){let[s,r,a]=t.split("-").map(Number);return new Intl.DateTimeFormat(gt(o),{...e,timeZone:"UTC"}).format(new Date(Date.UTC(s,r-1,a??1)))}function $o(o,t){let e=Math.round(t/60);if(e<60)return g(o,"common.minutes",{minutes:e});let s=Math.floor(e/60);return g(o,"common.hours_minutes",{hours:Ee(o,s),minutes:e%60})}function ie(o){return Object.values(o.entities??{}).filter(t=>t.platform==="aime"&&t.entity_id.startsWith("media_player.")).map(t=>o.states[t.entity_id]).filter(t=>t&&t.state!=="unavailable").map(t=>({entityId:t.entity_id,name:t.attributes.friendly_name??t.entity_id,state:t.state})).sort((t,e)=>t.name.localeCompare(e.name))}var So=(o,t,e,s)=>o.callService("media_player","play_media",{entity_id:t,media_content_id:e,media_content_type:s}),ne=(o,t,e)=>o.callService("media_player",e,{entity_id:t});var $=class extends f{constructor(){super(...arguments);this.src=null;this.label="";this.size=48;this.fluid=!1;this.failed=!1}static{this.styles=_`
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
  `}willUpdate(e){e.has("src")&&(this.failed=!1)}render(){return this.style.setProperty("--aime-cover-size",`${this.size}px`),this.src&&this.src.startsWith("/")&&!this.src.startsWith("//")&&!this.failed?h`<img
        src=${this.src}
        alt=${this.label}
        loading="lazy"
        decoding="async"
        @error=${()=>this.failed=!0}
      />`:h`<div class="placeholder" role="img" aria-label=${this.label||d}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 14.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Zm0-5.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z"
        />
      </svg>
    </div>`}};p([u()],$.prototype,"src",2),p([u()],$.prototype,"label",2),p([u({type:Number})],$.prototype,"size",2),p([u({type:Boolean,reflect:!0})],$.prototype,"fluid",2),p([Dt()],$.prototype,"failed",2);A("aime-cover",$);var Ce=new Set(["playing","paused","buffering"]),Pe={previous:"M6 18V6h2v12H6m3.5-6L18 6v12l-8.5-6Z",play:"M8 5.14v14l11-7-11-7Z",pause:"M14 19h4V5h-4M6 19h4V5H6v14Z",next:"M16 18h2V6h-2M6 18l8.5-6L6 6v12Z"},M=class extends f{constructor(){super(...arguments);this.narrow=!1;this.stacked=!1}static{this.styles=[st,_`
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
    `]}render(){if(!this.hass)return d;let e=ie(this.hass).map(r=>this.hass.states[r.entityId]);if(!e.length)return d;let s=e.filter(r=>Ce.has(r.state));return h`<section class="strip" aria-label=${g(this.hass,"panel.now_playing.label")} data-testid="now-playing">
      ${s.length?s.map(r=>this.renderZone(r)):h`<span class="muted">${g(this.hass,"panel.now_playing.idle")}</span>`}
    </section>`}renderZone(e){let s=e.attributes,r=e.state==="playing",a=s.friendly_name??e.entity_id;return h`<div class="zone" data-testid="now-playing-zone" data-entity-id=${e.entity_id}>
      <aime-cover .src=${s.entity_picture??null} .size=${40} label=${s.media_album_name??""}></aime-cover>
      <div class="text">
        <div class="title ellipsis">${s.media_title??a}</div>
        <div class="muted ellipsis">${s.media_artist??""}${this.narrow?"":` \xB7 ${a}`}</div>
      </div>
      <div class="controls">
        ${this.narrow?d:this.button(e,"previous","media_previous_track")}
        ${this.button(e,r?"pause":"play","media_play_pause")}
        ${this.button(e,"next","media_next_track")}
      </div>
    </div>`}button(e,s,r){return h`<button
      class="icon"
      data-testid="now-playing-${s}"
      aria-label=${g(this.hass,`panel.now_playing.${s}`)}
      title=${g(this.hass,`panel.now_playing.${s}`)}
      @click=${()=>ne(this.hass,e.entity_id,r)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${Pe[s]} /></svg>
    </button>`}};p([u({attribute:!1})],M.prototype,"hass",2),p([u({type:Boolean})],M.prototype,"narrow",2),p([u({type:Boolean,reflect:!0})],M.prototype,"stacked",2);A("aime-now-playing",M);var _t="/aime";function je(o,t=!1){t?history.replaceState(null,"",o):history.pushState(null,"",o),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:t}}))}var Uo=o=>`${_t}/album/${o}`,Wo=o=>`${_t}/artist/${o}`;function Bo(o){let t=o.currentTarget;!t||o.defaultPrevented||o.button!==0||o.metaKey||o.ctrlKey||o.shiftKey||o.altKey||(o.preventDefault(),je(t.getAttribute("href")??_t))}var j=(o,t,e={})=>o.callWS({type:t,...e});function ot(o){return Object.fromEntries(Object.entries(o).filter(([,t])=>t!=null&&t!==""))}async function Fo(o,t,e,s=!1){return(await o.callService("aime",t,e,void 0,!1,s))?.response}function Re(o){return o&&typeof o=="object"&&"message"in o?String(o.message):String(o)}async function le(o,t){let e=t??{},s=o.loadBackendTranslation;if(e.translation_domain&&e.translation_key&&s)try{let r=await s.call(o,"exceptions",e.translation_domain),a=`component.${e.translation_domain}.exceptions.${e.translation_key}.message`,i=r(a,e.translation_placeholders??{});if(i)return i}catch{}return Re(t)}var Ko=(o,t,e=0,s=50)=>j(o,"aime/history",{...ot(t),page:e,page_size:s});var ce=(o,t)=>o.connection.subscribeMessage(t,{type:"aime/subscribe"});var Me={status:"loading"},W=class extends f{constructor(){super(...arguments);this.narrow=!1;this.params={}}t(e,s){return g(this.hass,e,s)}routeIdChanged(e){if(!this.hass)return!1;let s=e.has("hass")&&e.get("hass")===void 0,r=e.get("params")?.id;return s||e.has("params")&&r!==this.params?.id}onLiveEvent(e){}connectedCallback(){super.connectedCallback(),this.hass&&this.subscribe()}disconnectedCallback(){super.disconnectedCallback();let e=this.unsubscribe;this.unsubscribe=void 0,e?.then(s=>s()).catch(()=>{})}willUpdate(e){e.has("hass")&&this.hass&&!this.unsubscribe&&this.isConnected&&this.subscribe()}subscribe(){this.unsubscribe=ce(this.hass,e=>{e.kind==="ended"?this.unsubscribe=void 0:this.onLiveEvent(e)}),this.unsubscribe.catch(()=>{})}async load(e,s,r=!1){r||s(Me);try{s({status:"ready",value:await e()})}catch(a){s({status:"error",message:await le(this.hass,a)})}}renderLoad(e,s,r){return e.status==="loading"?h`<div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div>`:e.status==="error"?h`<div class="state error" role="alert" data-testid="error">
        ${this.t("common.error",{message:e.message})}
        ${r?h`<button @click=${r}>${this.t("common.retry")}</button>`:""}
      </div>`:s(e.value)}};p([u({attribute:!1})],W.prototype,"hass",2),p([u({type:Boolean})],W.prototype,"narrow",2),p([u({attribute:!1})],W.prototype,"params",2);var Ne,He=()=>Ne??=import("./echarts-setup-MBWQDIYC.js");function Le(o){let t=getComputedStyle(o),e=(s,r)=>t.getPropertyValue(s).trim()||r;return{primary:e("--primary-color","#03a9f4"),accent:e("--accent-color","#ff9800"),text:e("--primary-text-color","#212121"),secondaryText:e("--secondary-text-color","#727272"),divider:e("--divider-color","rgba(0,0,0,.12)"),background:e("--card-background-color","#fff")}}var N=class extends f{constructor(){super(...arguments);this.options={};this.label="";this.height=260}static{this.styles=_`
    :host {
      display: block;
      width: 100%;
    }
    .chart {
      width: 100%;
    }
  `}render(){return h`<div class="chart" role="img" aria-label=${this.label} style="height:${this.height}px"></div>`}async updated(e){if(!e.has("options")&&!e.has("height"))return;let s=this.renderRoot.querySelector(".chart");if(!s)return;let{echarts:r}=await He();this.isConnected&&(!this.chart||this.chart.isDisposed()?(this.chart=r.init(s,void 0,{renderer:"svg"}),this.resizeObserver=new ResizeObserver(()=>this.chart?.resize()),this.resizeObserver.observe(s)):e.has("height")&&this.chart.resize(),this.chart.setOption(this.themed(this.options),{notMerge:!0,lazyUpdate:!1}))}disconnectedCallback(){super.disconnectedCallback(),this.resizeObserver?.disconnect(),this.chart?.dispose(),this.chart=void 0}themed(e){let s=Le(this),r=e.tooltip?{backgroundColor:s.background,borderColor:s.divider,textStyle:{color:s.text},...e.tooltip,renderMode:"richText",confine:!0}:void 0;return{color:[s.primary,s.accent,s.secondaryText],textStyle:{color:s.text,fontFamily:"inherit"},backgroundColor:"transparent",animation:!1,...e,...r?{tooltip:r}:{}}}};p([u({attribute:!1})],N.prototype,"options",2),p([u()],N.prototype,"label",2),p([u({type:Number})],N.prototype,"height",2);A("aime-chart",N);function de(o,t=new Date){return new Intl.DateTimeFormat("en-CA",{timeZone:o?.config?.time_zone,year:"numeric",month:"2-digit",day:"2-digit"}).format(t)}function bt(o,t){let[e,s,r]=o.split("-").map(Number);return new Date(Date.UTC(e,s-1,r+t)).toISOString().slice(0,10)}function ur(o,t){let e=s=>Date.parse(`${s}T00:00:00Z`);return Math.round((e(t)-e(o))/864e5)+1}var ue=o=>/^\d{4}-\d{2}-\d{2}$/.test(o);var hr=(o,t,e=10)=>j(o,"aime/stats",{window:t,top:e}),yr=(o,t)=>j(o,"aime/range",ot(t)),fr=(o,t,e,s=5)=>j(o,"aime/compare",{current:t,previous:e,top:s});var gr=o=>j(o,"aime/streaks");var ze=["7d","30d","365d","all","custom"],De={"7d":7,"30d":30,"365d":365};function pe(o,t,e){let s=de(o);return t==="custom"?{window:t,first_day:e?.first_day??bt(s,-29),last_day:e?.last_day??s}:t==="all"?{window:t,last_day:s}:{window:t,first_day:bt(s,1-De[t]),last_day:s}}var H=class extends f{constructor(){super(...arguments);this.windows=ze}static{this.styles=[st,_`
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
    `]}render(){let e=this.period??pe(this.hass,"30d");return h`
      <div class="windows" role="group">
        ${this.windows.map(s=>h`<button
            data-testid="period-${s}"
            part="window"
            aria-pressed=${e.window===s?"true":"false"}
            @click=${()=>this.change(pe(this.hass,s,e))}
          >
            ${g(this.hass,`common.window.${s}`)}
          </button>`)}
      </div>
      ${e.window==="custom"?h`<label
              >${g(this.hass,"common.from")}
              <input
                type="date"
                data-testid="period-first"
                .value=${e.first_day??""}
                max=${e.last_day}
                @change=${s=>this.setDay(e,"first_day",s)}
            /></label>
            <label
              >${g(this.hass,"common.to")}
              <input
                type="date"
                data-testid="period-last"
                .value=${e.last_day}
                min=${e.first_day??""}
                @change=${s=>this.setDay(e,"last_day",s)}
            /></label>`:""}
    `}setDay(e,s,r){let a=r.target.value;if(!ue(a))return;let i={...e,[s]:a};i.first_day&&i.first_day>i.last_day||this.change(i)}change(e){this.period=e,this.dispatchEvent(new CustomEvent("period-changed",{detail:e,bubbles:!0,composed:!0}))}};p([u({attribute:!1})],H.prototype,"hass",2),p([u({attribute:!1})],H.prototype,"period",2),p([u({attribute:!1})],H.prototype,"windows",2);A("aime-period-picker",H);export{_ as a,h as b,T as c,d,Ge as e,f,u as g,Dt as h,st as i,Rs as j,ie as k,So as l,A as m,Se as n,g as o,Ee as p,xo as q,Ao as r,$o as s,_t as t,je as u,Uo as v,Wo as w,Bo as x,j as y,ot as z,Fo as A,le as B,Ko as C,Me as D,W as E,Le as F,de as G,bt as H,ur as I,ue as J,hr as K,yr as L,fr as M,gr as N,pe as O};
