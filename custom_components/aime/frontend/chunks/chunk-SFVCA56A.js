import{a as g1,b as o}from"./chunk-CQAH7SST.js";var f1="M12,11A1,1 0 0,0 11,12A1,1 0 0,0 12,13A1,1 0 0,0 13,12A1,1 0 0,0 12,11M12,16.5C9.5,16.5 7.5,14.5 7.5,12C7.5,9.5 9.5,7.5 12,7.5C14.5,7.5 16.5,9.5 16.5,12C16.5,14.5 14.5,16.5 12,16.5M12,2A10,10 0 0,0 2,12A10,10 0 0,0 12,22A10,10 0 0,0 22,12A10,10 0 0,0 12,2Z";var X2="M13,20H11V8L5.5,13.5L4.08,12.08L12,4.16L19.92,12.08L18.5,13.5L13,8V20Z";var y1="M19,19H5V8H19M16,1V3H8V1H6V3H5C3.89,3 3,3.89 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5C21,3.89 20.1,3 19,3H18V1M17,12H12V17H17V12Z";var C5="M15.41,16.58L10.83,12L15.41,7.41L14,6L8,12L14,18L15.41,16.58Z";var H5="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var V5="M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z";var L5="M14,12V19.88C14.04,20.18 13.94,20.5 13.71,20.71C13.32,21.1 12.69,21.1 12.3,20.71L10.29,18.7C10.06,18.47 9.96,18.16 10,17.87V12H9.97L4.21,4.62C3.87,4.19 3.95,3.56 4.38,3.22C4.57,3.08 4.78,3 5,3V3H19V3C19.22,3 19.43,3.08 19.62,3.22C20.05,3.56 20.13,4.19 19.79,4.62L14.03,12H14Z";var M5="M12,21.35L10.55,20.03C5.4,15.36 2,12.27 2,8.5C2,5.41 4.42,3 7.5,3C9.24,3 10.91,3.81 12,5.08C13.09,3.81 14.76,3 16.5,3C19.58,3 22,5.41 22,8.5C22,12.27 18.6,15.36 13.45,20.03L12,21.35Z";var r5="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var e5="M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z";var k1="M14,19H18V5H14M6,19H10V5H6V19Z";var b1="M8,5.14V19.14L19,12.14L8,5.14Z";var t5="M15,6H3V8H15V6M15,10H3V12H15V10M3,16H11V14H3V16M17,6V14.18C16.69,14.07 16.35,14 16,14A3,3 0 0,0 13,17A3,3 0 0,0 16,20A3,3 0 0,0 19,17V8H22V6H17Z";var w1="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var B1="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var z=globalThis,j=z.ShadowRoot&&(z.ShadyCSS===void 0||z.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,i1=Symbol(),P1=new WeakMap,D=class{constructor(C,H,V){if(this._$cssResult$=!0,V!==i1)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=C,this.t=H}get styleSheet(){let C=this.o,H=this.t;if(j&&C===void 0){let V=H!==void 0&&H.length===1;V&&(C=P1.get(H)),C===void 0&&((this.o=C=new CSSStyleSheet).replaceSync(this.cssText),V&&P1.set(H,C))}return C}toString(){return this.cssText}},T1=L=>new D(typeof L=="string"?L:L+"",void 0,i1),x=(L,...C)=>{let H=L.length===1?L[0]:C.reduce((V,M,r)=>V+(e=>{if(e._$cssResult$===!0)return e.cssText;if(typeof e=="number")return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(M)+L[r+1],L[0]);return new D(H,L,i1)},F1=(L,C)=>{if(j)L.adoptedStyleSheets=C.map(H=>H instanceof CSSStyleSheet?H:H.styleSheet);else for(let H of C){let V=document.createElement("style"),M=z.litNonce;M!==void 0&&V.setAttribute("nonce",M),V.textContent=H.cssText,L.appendChild(V)}},o1=j?L=>L:L=>L instanceof CSSStyleSheet?(C=>{let H="";for(let V of C.cssRules)H+=V.cssText;return T1(H)})(L):L;var{is:g2,defineProperty:f2,getOwnPropertyDescriptor:y2,getOwnPropertyNames:k2,getOwnPropertySymbols:b2,getPrototypeOf:w2}=Object,q=globalThis,R1=q.trustedTypes,B2=R1?R1.emptyScript:"",P2=q.reactiveElementPolyfillSupport,E=(L,C)=>L,N={toAttribute(L,C){switch(C){case Boolean:L=L?B2:null;break;case Object:case Array:L=L==null?L:JSON.stringify(L)}return L},fromAttribute(L,C){let H=L;switch(C){case Boolean:H=L!==null;break;case Number:H=L===null?null:Number(L);break;case Object:case Array:try{H=JSON.parse(L)}catch{H=null}}return H}},K=(L,C)=>!g2(L,C),_1={attribute:!0,type:String,converter:N,reflect:!1,useDefault:!1,hasChanged:K};Symbol.metadata??=Symbol("metadata"),q.litPropertyMetadata??=new WeakMap;var S=class extends HTMLElement{static addInitializer(C){this._$Ei(),(this.l??=[]).push(C)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(C,H=_1){if(H.state&&(H.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(C)&&((H=Object.create(H)).wrapped=!0),this.elementProperties.set(C,H),!H.noAccessor){let V=Symbol(),M=this.getPropertyDescriptor(C,V,H);M!==void 0&&f2(this.prototype,C,M)}}static getPropertyDescriptor(C,H,V){let{get:M,set:r}=y2(this.prototype,C)??{get(){return this[H]},set(e){this[H]=e}};return{get:M,set(e){let i=M?.call(this);r?.call(this,e),this.requestUpdate(C,i,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(C){return this.elementProperties.get(C)??_1}static _$Ei(){if(this.hasOwnProperty(E("elementProperties")))return;let C=w2(this);C.finalize(),C.l!==void 0&&(this.l=[...C.l]),this.elementProperties=new Map(C.elementProperties)}static finalize(){if(this.hasOwnProperty(E("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(E("properties"))){let H=this.properties,V=[...k2(H),...b2(H)];for(let M of V)this.createProperty(M,H[M])}let C=this[Symbol.metadata];if(C!==null){let H=litPropertyMetadata.get(C);if(H!==void 0)for(let[V,M]of H)this.elementProperties.set(V,M)}this._$Eh=new Map;for(let[H,V]of this.elementProperties){let M=this._$Eu(H,V);M!==void 0&&this._$Eh.set(M,H)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(C){let H=[];if(Array.isArray(C)){let V=new Set(C.flat(1/0).reverse());for(let M of V)H.unshift(o1(M))}else C!==void 0&&H.push(o1(C));return H}static _$Eu(C,H){let V=H.attribute;return V===!1?void 0:typeof V=="string"?V:typeof C=="string"?C.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(C=>this.enableUpdating=C),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(C=>C(this))}addController(C){(this._$EO??=new Set).add(C),this.renderRoot!==void 0&&this.isConnected&&C.hostConnected?.()}removeController(C){this._$EO?.delete(C)}_$E_(){let C=new Map,H=this.constructor.elementProperties;for(let V of H.keys())this.hasOwnProperty(V)&&(C.set(V,this[V]),delete this[V]);C.size>0&&(this._$Ep=C)}createRenderRoot(){let C=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return F1(C,this.constructor.elementStyles),C}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(C=>C.hostConnected?.())}enableUpdating(C){}disconnectedCallback(){this._$EO?.forEach(C=>C.hostDisconnected?.())}attributeChangedCallback(C,H,V){this._$AK(C,V)}_$ET(C,H){let V=this.constructor.elementProperties.get(C),M=this.constructor._$Eu(C,V);if(M!==void 0&&V.reflect===!0){let r=(V.converter?.toAttribute!==void 0?V.converter:N).toAttribute(H,V.type);this._$Em=C,r==null?this.removeAttribute(M):this.setAttribute(M,r),this._$Em=null}}_$AK(C,H){let V=this.constructor,M=V._$Eh.get(C);if(M!==void 0&&this._$Em!==M){let r=V.getPropertyOptions(M),e=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:N;this._$Em=M;let i=e.fromAttribute(H,r.type);this[M]=i??this._$Ej?.get(M)??i,this._$Em=null}}requestUpdate(C,H,V,M=!1,r){if(C!==void 0){let e=this.constructor;if(M===!1&&(r=this[C]),V??=e.getPropertyOptions(C),!((V.hasChanged??K)(r,H)||V.useDefault&&V.reflect&&r===this._$Ej?.get(C)&&!this.hasAttribute(e._$Eu(C,V))))return;this.C(C,H,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(C,H,{useDefault:V,reflect:M,wrapped:r},e){V&&!(this._$Ej??=new Map).has(C)&&(this._$Ej.set(C,e??H??this[C]),r!==!0||e!==void 0)||(this._$AL.has(C)||(this.hasUpdated||V||(H=void 0),this._$AL.set(C,H)),M===!0&&this._$Em!==C&&(this._$Eq??=new Set).add(C))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(H){Promise.reject(H)}let C=this.scheduleUpdate();return C!=null&&await C,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[M,r]of this._$Ep)this[M]=r;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[M,r]of V){let{wrapped:e}=r,i=this[M];e!==!0||this._$AL.has(M)||i===void 0||this.C(M,void 0,r,i)}}let C=!1,H=this._$AL;try{C=this.shouldUpdate(H),C?(this.willUpdate(H),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(H)):this._$EM()}catch(V){throw C=!1,this._$EM(),V}C&&this._$AE(H)}willUpdate(C){}_$AE(C){this._$EO?.forEach(H=>H.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(C)),this.updated(C)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(C){return!0}update(C){this._$Eq&&=this._$Eq.forEach(H=>this._$ET(H,this[H])),this._$EM()}updated(C){}firstUpdated(C){}};S.elementStyles=[],S.shadowRootOptions={mode:"open"},S[E("elementProperties")]=new Map,S[E("finalized")]=new Map,P2?.({ReactiveElement:S}),(q.reactiveElementVersions??=[]).push("2.1.2");var A1=globalThis,D1=L=>L,Y=A1.trustedTypes,E1=Y?Y.createPolicy("lit-html",{createHTML:L=>L}):void 0,d1="$lit$",c=`lit$${Math.random().toFixed(9).slice(2)}$`,p1="?"+c,T2=`<${p1}>`,y=document,I=()=>y.createComment(""),U=L=>L===null||typeof L!="object"&&typeof L!="function",m1=Array.isArray,$1=L=>m1(L)||typeof L?.[Symbol.iterator]=="function",a1=`[ 	
\f\r]`,W=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,N1=/-->/g,W1=/>/g,g=RegExp(`>|${a1}(?:([^\\s"'>=/]+)(${a1}*=${a1}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),I1=/'/g,U1=/"/g,Q1=/^(?:script|style|textarea|title)$/i,n1=L=>(C,...H)=>({_$litType$:L,strings:C,values:H}),m=n1(1),p5=n1(2),m5=n1(3),k=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),G1=new WeakMap,f=y.createTreeWalker(y,129);function z1(L,C){if(!m1(L)||!L.hasOwnProperty("raw"))throw Error("invalid template strings array");return E1!==void 0?E1.createHTML(C):C}var j1=(L,C)=>{let H=L.length-1,V=[],M,r=C===2?"<svg>":C===3?"<math>":"",e=W;for(let i=0;i<H;i++){let t=L[i],p,l,A=-1,u=0;for(;u<t.length&&(e.lastIndex=u,l=e.exec(t),l!==null);)u=e.lastIndex,e===W?l[1]==="!--"?e=N1:l[1]!==void 0?e=W1:l[2]!==void 0?(Q1.test(l[2])&&(M=RegExp("</"+l[2],"g")),e=g):l[3]!==void 0&&(e=g):e===g?l[0]===">"?(e=M??W,A=-1):l[1]===void 0?A=-2:(A=e.lastIndex-l[2].length,p=l[1],e=l[3]===void 0?g:l[3]==='"'?U1:I1):e===U1||e===I1?e=g:e===N1||e===W1?e=W:(e=g,M=void 0);let h=e===g&&L[i+1].startsWith("/>")?" ":"";r+=e===W?t+T2:A>=0?(V.push(p),t.slice(0,A)+d1+t.slice(A)+c+h):t+c+(A===-2?i:h)}return[z1(L,r+(L[H]||"<?>")+(C===2?"</svg>":C===3?"</math>":"")),V]},G=class L{constructor({strings:C,_$litType$:H},V){let M;this.parts=[];let r=0,e=0,i=C.length-1,t=this.parts,[p,l]=j1(C,H);if(this.el=L.createElement(p,V),f.currentNode=this.el.content,H===2||H===3){let A=this.el.content.firstChild;A.replaceWith(...A.childNodes)}for(;(M=f.nextNode())!==null&&t.length<i;){if(M.nodeType===1){if(M.hasAttributes())for(let A of M.getAttributeNames())if(A.endsWith(d1)){let u=l[e++],h=M.getAttribute(A).split(c),Q=/([.?@])?(.*)/.exec(u);t.push({type:1,index:r,name:Q[2],strings:h,ctor:Q[1]==="."?X:Q[1]==="?"?C1:Q[1]==="@"?H1:w}),M.removeAttribute(A)}else A.startsWith(c)&&(t.push({type:6,index:r}),M.removeAttribute(A));if(Q1.test(M.tagName)){let A=M.textContent.split(c),u=A.length-1;if(u>0){M.textContent=Y?Y.emptyScript:"";for(let h=0;h<u;h++)M.append(A[h],I()),f.nextNode(),t.push({type:2,index:++r});M.append(A[u],I())}}}else if(M.nodeType===8)if(M.data===p1)t.push({type:2,index:r});else{let A=-1;for(;(A=M.data.indexOf(c,A+1))!==-1;)t.push({type:7,index:r}),A+=c.length-1}r++}}static createElement(C,H){let V=y.createElement("template");return V.innerHTML=C,V}};function b(L,C,H=L,V){if(C===k)return C;let M=V!==void 0?H._$Co?.[V]:H._$Cl,r=U(C)?void 0:C._$litDirective$;return M?.constructor!==r&&(M?._$AO?.(!1),r===void 0?M=void 0:(M=new r(L),M._$AT(L,H,V)),V!==void 0?(H._$Co??=[])[V]=M:H._$Cl=M),M!==void 0&&(C=b(L,M._$AS(L,C.values),M,V)),C}var J=class{constructor(C,H){this._$AV=[],this._$AN=void 0,this._$AD=C,this._$AM=H}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(C){let{el:{content:H},parts:V}=this._$AD,M=(C?.creationScope??y).importNode(H,!0);f.currentNode=M;let r=f.nextNode(),e=0,i=0,t=V[0];for(;t!==void 0;){if(e===t.index){let p;t.type===2?p=new T(r,r.nextSibling,this,C):t.type===1?p=new t.ctor(r,t.name,t.strings,this,C):t.type===6&&(p=new V1(r,this,C)),this._$AV.push(p),t=V[++i]}e!==t?.index&&(r=f.nextNode(),e++)}return f.currentNode=y,M}p(C){let H=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(C,V,H),H+=V.strings.length-2):V._$AI(C[H])),H++}},T=class L{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(C,H,V,M){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=C,this._$AB=H,this._$AM=V,this.options=M,this._$Cv=M?.isConnected??!0}get parentNode(){let C=this._$AA.parentNode,H=this._$AM;return H!==void 0&&C?.nodeType===11&&(C=H.parentNode),C}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(C,H=this){C=b(this,C,H),U(C)?C===d||C==null||C===""?(this._$AH!==d&&this._$AR(),this._$AH=d):C!==this._$AH&&C!==k&&this._(C):C._$litType$!==void 0?this.$(C):C.nodeType!==void 0?this.T(C):$1(C)?this.k(C):this._(C)}O(C){return this._$AA.parentNode.insertBefore(C,this._$AB)}T(C){this._$AH!==C&&(this._$AR(),this._$AH=this.O(C))}_(C){this._$AH!==d&&U(this._$AH)?this._$AA.nextSibling.data=C:this.T(y.createTextNode(C)),this._$AH=C}$(C){let{values:H,_$litType$:V}=C,M=typeof V=="number"?this._$AC(C):(V.el===void 0&&(V.el=G.createElement(z1(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===M)this._$AH.p(H);else{let r=new J(M,this),e=r.u(this.options);r.p(H),this.T(e),this._$AH=r}}_$AC(C){let H=G1.get(C.strings);return H===void 0&&G1.set(C.strings,H=new G(C)),H}k(C){m1(this._$AH)||(this._$AH=[],this._$AR());let H=this._$AH,V,M=0;for(let r of C)M===H.length?H.push(V=new L(this.O(I()),this.O(I()),this,this.options)):V=H[M],V._$AI(r),M++;M<H.length&&(this._$AR(V&&V._$AB.nextSibling,M),H.length=M)}_$AR(C=this._$AA.nextSibling,H){for(this._$AP?.(!1,!0,H);C!==this._$AB;){let V=D1(C).nextSibling;D1(C).remove(),C=V}}setConnected(C){this._$AM===void 0&&(this._$Cv=C,this._$AP?.(C))}},w=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(C,H,V,M,r){this.type=1,this._$AH=d,this._$AN=void 0,this.element=C,this.name=H,this._$AM=M,this.options=r,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=d}_$AI(C,H=this,V,M){let r=this.strings,e=!1;if(r===void 0)C=b(this,C,H,0),e=!U(C)||C!==this._$AH&&C!==k,e&&(this._$AH=C);else{let i=C,t,p;for(C=r[0],t=0;t<r.length-1;t++)p=b(this,i[V+t],H,t),p===k&&(p=this._$AH[t]),e||=!U(p)||p!==this._$AH[t],p===d?C=d:C!==d&&(C+=(p??"")+r[t+1]),this._$AH[t]=p}e&&!M&&this.j(C)}j(C){C===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,C??"")}},X=class extends w{constructor(){super(...arguments),this.type=3}j(C){this.element[this.name]=C===d?void 0:C}},C1=class extends w{constructor(){super(...arguments),this.type=4}j(C){this.element.toggleAttribute(this.name,!!C&&C!==d)}},H1=class extends w{constructor(C,H,V,M,r){super(C,H,V,M,r),this.type=5}_$AI(C,H=this){if((C=b(this,C,H,0)??d)===k)return;let V=this._$AH,M=C===d&&V!==d||C.capture!==V.capture||C.once!==V.once||C.passive!==V.passive,r=C!==d&&(V===d||M);M&&this.element.removeEventListener(this.name,this,V),r&&this.element.addEventListener(this.name,this,C),this._$AH=C}handleEvent(C){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,C):this._$AH.handleEvent(C)}},V1=class{constructor(C,H,V){this.element=C,this.type=6,this._$AN=void 0,this._$AM=H,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(C){b(this,C)}},n5={M:d1,P:c,A:p1,C:1,L:j1,R:J,D:$1,V:b,I:T,H:w,N:C1,U:H1,B:X,F:V1},F2=A1.litHtmlPolyfillSupport;F2?.(G,T),(A1.litHtmlVersions??=[]).push("3.3.3");var q1=(L,C,H)=>{let V=H?.renderBefore??C,M=V._$litPart$;if(M===void 0){let r=H?.renderBefore??null;V._$litPart$=M=new T(C.insertBefore(I(),r),r,void 0,H??{})}return M._$AI(L),M};var l1=globalThis,v=class extends S{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let C=super.createRenderRoot();return this.renderOptions.renderBefore??=C.firstChild,C}update(C){let H=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(C),this._$Do=q1(H,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return k}};v._$litElement$=!0,v.finalized=!0,l1.litElementHydrateSupport?.({LitElement:v});var R2=l1.litElementPolyfillSupport;R2?.({LitElement:v});(l1.litElementVersions??=[]).push("4.2.2");var _2={attribute:!0,type:String,converter:N,reflect:!1,hasChanged:K},D2=(L=_2,C,H)=>{let{kind:V,metadata:M}=H,r=globalThis.litPropertyMetadata.get(M);if(r===void 0&&globalThis.litPropertyMetadata.set(M,r=new Map),V==="setter"&&((L=Object.create(L)).wrapped=!0),r.set(H.name,L),V==="accessor"){let{name:e}=H;return{set(i){let t=C.get.call(this);C.set.call(this,i),this.requestUpdate(e,t,L,!0,i)},init(i){return i!==void 0&&this.C(e,void 0,L,i),i}}}if(V==="setter"){let{name:e}=H;return function(i){let t=this[e];C.call(this,i),this.requestUpdate(e,t,L,!0,i)}}throw Error("Unsupported decorator location: "+V)};function a(L){return(C,H)=>typeof H=="object"?D2(L,C,H):((V,M,r)=>{let e=M.hasOwnProperty(r);return M.constructor.createProperty(r,V),e?Object.getOwnPropertyDescriptor(M,r):void 0})(L,C,H)}function K1(L){return a({...L,state:!0,attribute:!1})}var B=(L,C,H)=>(H.configurable=!0,H.enumerable=!0,Reflect.decorate&&typeof C!="object"&&Object.defineProperty(L,C,H),H);function v1(L,C){return(H,V,M)=>{let r=e=>e.renderRoot?.querySelector(L)??null;if(C){let{get:e,set:i}=typeof V=="object"?H:M??(()=>{let t=Symbol();return{get(){return this[t]},set(p){this[t]=p}}})();return B(H,V,{get(){let t=e.call(this);return t===void 0&&(t=r(this),(t!==null||this.hasUpdated)&&i.call(this,t)),t}})}return B(H,V,{get(){return r(this)}})}}var L1=x`
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
`,V3=x`
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
`;var x1="home-assistant";function Z(L,C){let H=()=>{customElements.get(L)||customElements.define(L,C)};customElements.get(x1)||!globalThis.document?.querySelector(x1)?H():customElements.whenDefined(x1).then(H)}var Z1={};g1(Z1,{album:()=>V2,artist:()=>L2,cards:()=>e2,collection:()=>H2,common:()=>Y1,journal:()=>M2,panel:()=>J1,playlists:()=>C2,stats:()=>X1,timeline:()=>r2});var Y1={"common.loading":"Loading\u2026","common.error":"Could not load this: {message}","common.retry":"Try again","common.empty":"Nothing here yet.","common.minutes":"{minutes} min","common.hours_minutes":"{hours} h {minutes} min","common.plays":"{count} plays","common.play":"Play","common.play_in":"Play in","common.choose_zone":"Choose a zone","common.no_zone":"No Roon zone is available.","common.playing_in":"Playing in {zone}","common.unknown":"Unknown","common.loved":"Loved","common.search":"Search","common.all":"All","common.more":"More","common.close":"Close","common.admin_only":"Only administrators can do this.","common.source.lastfm":"Last.fm","common.source.roon":"Roon","common.source.aime_import":"AIME import","common.window.7d":"7 days","common.window.30d":"30 days","common.window.365d":"365 days","common.window.all":"All time","common.window.custom":"Custom","common.from":"From","common.to":"To","common.date.day":"dd","common.date.month":"mm","common.date.year":"yyyy","common.date.open_calendar":"Open the calendar","common.no_cover":"No cover"};var J1={"panel.title":"AIME","panel.menu":"Open the sidebar","panel.nav.label":"AIME views","panel.nav.journal":"Journal","panel.nav.timeline":"Timeline","panel.nav.stats":"Statistics","panel.nav.collection":"Collection","panel.nav.playlists":"Playlists","panel.not_found":"This page does not exist.","panel.no_hub":"AIME is not set up yet: add the AIME integration first.","panel.now_playing.label":"Now playing","panel.now_playing.idle":"Nothing playing","panel.now_playing.previous":"Previous track","panel.now_playing.play":"Play","panel.now_playing.pause":"Pause","panel.now_playing.next":"Next track"};var X1={"stats.range":"{first} \u2013 {last}","stats.updating":"Updating\u2026","stats.empty":"No plays in this period. Pick a longer one or another range.","stats.older_hub":"This hub answers only the preset periods: update AIME to browse any range and its chart.","stats.figures":"Figures of the period","stats.one_play":"1 play","stats.plays":"Plays","stats.listening":"Listening time","stats.estimated":"{count} with an estimated length","stats.active_days":"Active days","stats.active_days_of":"of {days} days","stats.unique_artists":"Artists","stats.unique_albums":"Albums","stats.unique_tracks":"Tracks","stats.longest_streak":"Longest streak","stats.days":"{count} days","stats.day":"1 day","stats.sessions":"Sessions","stats.sessions_detail":"{average} on average, longest {longest}","stats.series":"Plays and listening time","stats.series_hours":"Listening time (h)","stats.granularity":"Group by","stats.granularity.day":"Day","stats.granularity.week":"Week","stats.granularity.month":"Month","stats.week_of":"Week of {date}","stats.heatmap":"When you listen","stats.heatmap_label":"Plays by weekday and hour","stats.heatmap_cell":"{weekday}, {hour}: {plays} plays","stats.peak":"Busiest: {weekday} around {hour}","stats.streaks":"Streaks","stats.streak_current":"Current streak","stats.streak_longest":"Longest streak ever","stats.streak_span":"{first} \u2013 {last}","stats.streak_none":"No streak yet.","stats.top_artists":"Top artists","stats.top_albums":"Top albums","stats.top_tracks":"Top tracks","stats.top_genres":"Top genres","stats.top_genres_hint":"From the genres of your collection\u2019s records.","stats.top_empty":"Nothing played in this period.","stats.new_artists":"New artists","stats.new_artists_count":"{count} first heard in this period","stats.new_artists_one":"1 first heard in this period","stats.new_artists_empty":"No new artist in this period.","stats.first_played":"First played {date}","stats.show_more":"Show more ({count} left)","stats.compare":"Comparison","stats.compare_with":"Compare with","stats.compare.previous":"Previous period","stats.compare.custom":"Another range","stats.compare_all":"All time has no previous period: pick a range to compare with.","stats.compare_current":"This period","stats.compare_other":"Compared with","stats.change_none":"no change","stats.change_new":"new","stats.change_up":"up {change}","stats.change_down":"down {change}","stats.compare_top":"Top artists"};var C2={"playlists.title":"Playlists","playlists.all":"All playlists","playlists.empty":"No playlist yet. Generate one from your listening history: it is saved here.","playlists.choose":"Choose a playlist to see its tracks, play it in a zone or export it.","playlists.generate":"Generate","playlists.generate_first":"Generate a playlist","playlists.generate_title":"Generate a playlist","playlists.generate_submit":"Generate","playlists.generating":"Generating\u2026","playlists.cancel":"Cancel","playlists.save":"Save","playlists.created":"Created {date}","playlists.track_count":"{count} tracks","playlists.artist_count":"{count} artists","playlists.album_count":"{count} albums","playlists.unknown_durations":"{count} of unknown length","playlists.tracks":"Tracks","playlists.no_tracks":"This playlist has no tracks.","playlists.preview_note":"Just generated and saved: {count} tracks.","playlists.export":"Export","playlists.export_button":"Export","playlists.export_hint":"Writes a file under the aime/exports folder of Home Assistant's configuration.","playlists.exported":"Exported to {path}","playlists.rename":"Rename","playlists.new_name":"New name","playlists.delete":"Delete","playlists.delete_confirm":"Delete the playlist \u201C{name}\u201D? This cannot be undone.","playlists.field.algorithm":"Algorithm","playlists.field.max_tracks":"Maximum tracks","playlists.field.window":"Window","playlists.field.prompt":"Prompt","playlists.field.name":"Name","playlists.field.seed":"Random seed","playlists.field.hour":"Hour","playlists.field.day_type":"Days","playlists.field.rediscovery_days":"Not played for (days)","playlists.prompt_placeholder":"Slow jazz for a rainy Sunday morning","playlists.name_placeholder":"By default the algorithm and the window","playlists.seed_placeholder":"None: ties follow a fixed order","playlists.hour_placeholder":"Now","playlists.invalid.max_tracks":"Maximum tracks must be a whole number from {min} to {max}.","playlists.invalid.seed":"The random seed must be a whole number from 0 to {max}.","playlists.invalid.prompt":"Describe the playlist you want: the AI needs a prompt.","playlists.invalid.hour":"The hour must be a whole number from 0 to 23.","playlists.invalid.rediscovery_days":"\u201CNot played for\u201D must be a whole number of days from 1 to {max}.","playlists.algorithm.top_sessions":"Top sessions","playlists.algorithm.artist_correlations":"Artist correlations","playlists.algorithm.artist_flow":"Artist flow","playlists.algorithm.time_based":"Time of day","playlists.algorithm.complete_albums":"Complete albums","playlists.algorithm.rediscovery":"Rediscovery","playlists.algorithm.ai_generated":"AI generated","playlists.algorithm_hint.top_sessions":"The tracks of your longest listening sessions, in play order.","playlists.algorithm_hint.artist_correlations":"Artists you hear in the same sessions, alternating their most played tracks.","playlists.algorithm_hint.artist_flow":"A walk along the artist changes you make most often.","playlists.algorithm_hint.time_based":"What you play most at one hour of the day, on every day, weekdays or weekends.","playlists.algorithm_hint.complete_albums":"Albums you listen to from start to end, whole and in order.","playlists.algorithm_hint.rediscovery":"Loved or once much played tracks you have not heard for a while.","playlists.algorithm_hint.ai_generated":"Your AI service picks tracks from your history that fit your prompt.","playlists.window.all":"All time","playlists.window.today":"Today","playlists.window.week":"This week","playlists.window.month":"This month","playlists.window.year":"This year","playlists.window.7d":"Last 7 days","playlists.window.30d":"Last 30 days","playlists.window.365d":"Last 365 days","playlists.day_type.any":"Every day","playlists.day_type.weekday":"Weekdays","playlists.day_type.weekend":"Weekends","playlists.format.m3u":"M3U","playlists.format.json":"JSON","playlists.format.csv":"CSV"};var H2={"collection.title":"Record collection","collection.search":"Search the collection","collection.search_placeholder":"Artist or title","collection.format":"Format","collection.genre":"Genre","collection.style":"Style","collection.decade":"Decade","collection.decade_value":"{decade}s","collection.any":"All","collection.option_count":"{name} ({count})","collection.sort":"Sort by","collection.sort.artist":"Artist","collection.sort.title":"Title","collection.sort.year":"Year","collection.sort.added":"Date added","collection.sort.plays":"Plays","collection.sort.last_played":"Last played","collection.ascending":"Ascending order","collection.descending":"Descending order","collection.shelves":"Shelves","collection.shelf.never_played":"Never played","collection.shelf.not_played_year":"Not played for a year","collection.clear":"Clear filters","collection.stats.records":"Records","collection.stats.played_share":"Played in the last 12 months","collection.stats.never_played":"Never played","collection.total.one":"{count} record","collection.total.other":"{count} records","collection.total_of":"{shown} of {total}","collection.empty":"Your collection is empty. Link your Discogs account in AIME\u2019s options to see your records here.","collection.no_match":"No record matches these filters.","collection.more":"More records","collection.facets_error":"The filters could not be loaded: {message}","collection.format.vinyl":"Vinyl","collection.format.cd":"CD","collection.format.cassette":"Cassette","collection.format.digital":"Digital","collection.format.box_set":"Box set","collection.format.other":"Other","collection.format.unknown":"Unknown format","collection.plays.one":"{count} play","collection.plays.other":"{count} plays","collection.never_played":"Never played","collection.last_played":"Last played {when}","collection.source.manual":"manual entry"};var V2={"album.kind":"Album","album.original_year":"Released in {year}","album.pressing_year":"This pressing: {year}","album.genres":"Genres","album.styles":"Styles","album.plays":"Plays","album.listening":"Listening time","album.first_played":"First played","album.last_played":"Last played","album.never":"Never","album.play":"Play the album","album.links":"Links","album.new_tab":"{service} (opens in a new tab)","album.description":"About this album","album.description_by":"Written by {model}, {when}","album.no_description":"No description yet.","album.regenerate":"Regenerate","album.write":"Write a description","album.writing":"Writing\u2026","album.regenerate_failed":"The description could not be written: {message}","album.tracks":"Tracks","album.no_tracks":"No track of this album has been played yet.","album.records":"In your collection","album.not_owned":"This album is not in your collection.","album.record_pressing":"Pressing {year}","album.record_added":"Added on {when}","album.record_discogs":"See on Discogs","album.history":"Every play","album.no_plays":"This album has not been played yet.","album.more_plays":"More plays","album.via":"via {source}","album.on_device":"on {device}"};var L2={"artist.kind":"Artist","artist.stands_for":"Stands for: {names}","artist.plays":"Plays","artist.albums":"Albums","artist.first_played":"First played","artist.last_played":"Last played","artist.never":"Never","artist.play":"Play the artist","artist.links":"Links","artist.new_tab":"{service} (opens in a new tab)","artist.chart":"Plays by month","artist.chart_label":"Plays of {name} by month","artist.no_months":"No play of this artist yet.","artist.albums_played":"Albums played","artist.no_albums":"No album of this artist has been played yet.","artist.albums_owned":"Albums owned","artist.albums_owned_unplayed":"In your collection, never played","artist.owned":"Owned","artist.top_tracks":"Top tracks","artist.no_tracks":"No track of this artist has been played yet.","artist.by":"by {artist}"};var M2={"journal.search_label":"Search the plays","journal.search_placeholder":"Search a track, artist or album","journal.source_label":"Source","journal.source_any":"All sources","journal.source.manual":"Manual","journal.loved_only":"Loved only","journal.clear":"Clear filters","journal.chip.artist":"Artist: {name}","journal.chip.album":"Album: {name}","journal.chip.remove":"Remove the filter {name}","journal.unknown_name":"#{id}","journal.filter_artist":"Artist","journal.filter_album":"Album","journal.only_artist":"Show only the plays by {name}","journal.only_album":"Show only the plays of {name}","journal.total":"{shown} of {total} plays","journal.total_all":"{total} plays","journal.total_one":"1 play","journal.today":"Today","journal.yesterday":"Yesterday","journal.empty":"No plays yet. AIME records what you listen to on Roon and Last.fm.","journal.no_match":"No plays match these filters.","journal.bad_range":"The first day comes after the last day: choose an earlier first day.","journal.loading_more":"Loading more plays\u2026","journal.load_more":"Load more","journal.more_error":"Could not load more plays: {message}"};var r2={"timeline.day_label":"Day","timeline.previous":"Previous day","timeline.next":"Next day","timeline.today":"Today","timeline.today_title":"Today, {date}","timeline.yesterday_title":"Yesterday, {date}","timeline.plays_label":"plays","timeline.plays_one":"play","timeline.plays_one_count":"1 play","timeline.listening":"listening time","timeline.estimated":"({count} estimated)","timeline.estimated_help":"Plays without a known duration count for a typical track's length.","timeline.span":"first and last play","timeline.open_journal":"See this day in the journal","timeline.chart_label":"Plays by hour","timeline.hour_plays":"{hour}: {count} plays","timeline.empty":"No plays on this day.","timeline.back_today":"Back to today","timeline.empty_hour":"{hour} \xB7 no plays","timeline.empty_hours":"{first} \u2013 {end} \xB7 no plays","timeline.bad_day":"\u201C{day}\u201D is not a date: use the form 2024-03-31."};var e2={"cards.open_panel":"Open AIME","cards.stats.name":"AIME listening statistics","cards.stats.description":"Plays, listening time, a chart and your top artists, albums or tracks for a period.","cards.stats.default_title":"Listening","cards.stats.plays":"Plays","cards.stats.listening":"Listening time","cards.stats.hours":"{hours} h","cards.stats.artists":"Artists","cards.stats.empty":"No plays in this period.","cards.stats.top_artists":"Top artists","cards.stats.top_albums":"Top albums","cards.stats.top_tracks":"Top tracks","cards.stats.chart_day":"Plays per day","cards.stats.chart_week":"Plays per week","cards.stats.chart_month":"Plays per month","cards.recent.name":"AIME recent plays","cards.recent.description":"What your Roon zones play now and your latest plays, updated live.","cards.recent.default_title":"Recent plays","cards.recent.empty":"No plays yet.","cards.recent.just_now":"just now","cards.editor.title":"Title","cards.editor.period":"Period","cards.editor.top":"Top list","cards.editor.top_count":"Items in the top list","cards.editor.show_chart":"Show the chart","cards.editor.count":"Number of plays","cards.editor.show_now_playing":"Show what the zones play now","cards.invalid.config":"The card's configuration must be a set of options.","cards.invalid.title":"title must be text.","cards.invalid.boolean":"{option} must be true or false.","cards.invalid.count":"{option} must be a whole number from {min} to {max}.","cards.invalid.choice":"{option} must be one of: {choices}."};var s1={};g1(s1,{album:()=>d2,artist:()=>p2,cards:()=>l2,collection:()=>A2,common:()=>t2,journal:()=>m2,panel:()=>i2,playlists:()=>a2,stats:()=>o2,timeline:()=>n2});var t2={"common.loading":"Chargement\u2026","common.error":"Impossible de charger ceci : {message}","common.retry":"R\xE9essayer","common.empty":"Rien pour l\u2019instant.","common.minutes":"{minutes} min","common.hours_minutes":"{hours} h {minutes} min","common.plays":"{count} \xE9coutes","common.play":"Lire","common.play_in":"Lire dans","common.choose_zone":"Choisir une zone","common.no_zone":"Aucune zone Roon n\u2019est disponible.","common.playing_in":"Lecture dans {zone}","common.unknown":"Inconnu","common.loved":"Favori","common.search":"Rechercher","common.all":"Tout","common.more":"Plus","common.close":"Fermer","common.admin_only":"Seuls les administrateurs peuvent faire cela.","common.source.lastfm":"Last.fm","common.source.roon":"Roon","common.source.aime_import":"Import AIME","common.window.7d":"7 jours","common.window.30d":"30 jours","common.window.365d":"365 jours","common.window.all":"Depuis le d\xE9but","common.window.custom":"Personnalis\xE9e","common.from":"Du","common.to":"Au","common.date.day":"jj","common.date.month":"mm","common.date.year":"aaaa","common.date.open_calendar":"Ouvrir le calendrier","common.no_cover":"Pas de pochette"};var i2={"panel.title":"AIME","panel.menu":"Ouvrir la barre lat\xE9rale","panel.nav.label":"Vues d\u2019AIME","panel.nav.journal":"Journal","panel.nav.timeline":"Chronologie","panel.nav.stats":"Statistiques","panel.nav.collection":"Collection","panel.nav.playlists":"Playlists","panel.not_found":"Cette page n\u2019existe pas.","panel.no_hub":"AIME n\u2019est pas encore configur\xE9 : ajoutez d\u2019abord l\u2019int\xE9gration AIME.","panel.now_playing.label":"En cours de lecture","panel.now_playing.idle":"Rien en lecture","panel.now_playing.previous":"Piste pr\xE9c\xE9dente","panel.now_playing.play":"Lecture","panel.now_playing.pause":"Pause","panel.now_playing.next":"Piste suivante"};var o2={"stats.range":"{first} \u2013 {last}","stats.updating":"Mise \xE0 jour\u2026","stats.empty":"Aucune \xE9coute sur cette p\xE9riode. Choisissez-en une plus longue ou une autre plage.","stats.older_hub":"Ce hub ne r\xE9pond qu\u2019aux p\xE9riodes pr\xE9d\xE9finies : mettez AIME \xE0 jour pour parcourir n\u2019importe quelle plage et son graphique.","stats.figures":"Chiffres de la p\xE9riode","stats.one_play":"1 \xE9coute","stats.plays":"\xC9coutes","stats.listening":"Temps d\u2019\xE9coute","stats.estimated":"dont {count} de dur\xE9e estim\xE9e","stats.active_days":"Jours actifs","stats.active_days_of":"sur {days} jours","stats.unique_artists":"Artistes","stats.unique_albums":"Albums","stats.unique_tracks":"Morceaux","stats.longest_streak":"Plus longue s\xE9rie","stats.days":"{count} jours","stats.day":"1 jour","stats.sessions":"Sessions","stats.sessions_detail":"{average} en moyenne, la plus longue {longest}","stats.series":"\xC9coutes et temps d\u2019\xE9coute","stats.series_hours":"Temps d\u2019\xE9coute (h)","stats.granularity":"Regrouper par","stats.granularity.day":"Jour","stats.granularity.week":"Semaine","stats.granularity.month":"Mois","stats.week_of":"Semaine du {date}","stats.heatmap":"Quand vous \xE9coutez","stats.heatmap_label":"\xC9coutes par jour de la semaine et par heure","stats.heatmap_cell":"{weekday}, {hour} : {plays} \xE9coutes","stats.peak":"Moment le plus charg\xE9 : {weekday} vers {hour}","stats.streaks":"S\xE9ries","stats.streak_current":"S\xE9rie en cours","stats.streak_longest":"Plus longue s\xE9rie de tous les temps","stats.streak_span":"{first} \u2013 {last}","stats.streak_none":"Pas encore de s\xE9rie.","stats.top_artists":"Artistes les plus \xE9cout\xE9s","stats.top_albums":"Albums les plus \xE9cout\xE9s","stats.top_tracks":"Morceaux les plus \xE9cout\xE9s","stats.top_genres":"Genres les plus \xE9cout\xE9s","stats.top_genres_hint":"D\u2019apr\xE8s les genres des disques de votre collection.","stats.top_empty":"Rien d\u2019\xE9cout\xE9 sur cette p\xE9riode.","stats.new_artists":"Nouveaux artistes","stats.new_artists_count":"{count} d\xE9couverts sur cette p\xE9riode","stats.new_artists_one":"1 d\xE9couvert sur cette p\xE9riode","stats.new_artists_empty":"Aucun nouvel artiste sur cette p\xE9riode.","stats.first_played":"Premi\xE8re \xE9coute le {date}","stats.show_more":"Afficher plus ({count} restants)","stats.compare":"Comparaison","stats.compare_with":"Comparer avec","stats.compare.previous":"P\xE9riode pr\xE9c\xE9dente","stats.compare.custom":"Une autre plage","stats.compare_all":"Depuis le d\xE9but, il n\u2019y a pas de p\xE9riode pr\xE9c\xE9dente : choisissez une plage \xE0 comparer.","stats.compare_current":"Cette p\xE9riode","stats.compare_other":"Compar\xE9e \xE0","stats.change_none":"stable","stats.change_new":"nouveau","stats.change_up":"en hausse de {change}","stats.change_down":"en baisse de {change}","stats.compare_top":"Artistes les plus \xE9cout\xE9s"};var a2={"playlists.title":"Playlists","playlists.all":"Toutes les playlists","playlists.empty":"Aucune playlist pour l\u2019instant. G\xE9n\xE9rez-en une \xE0 partir de votre historique d\u2019\xE9coute : elle sera enregistr\xE9e ici.","playlists.choose":"Choisissez une playlist pour voir ses titres, la lire dans une zone ou l\u2019exporter.","playlists.generate":"G\xE9n\xE9rer","playlists.generate_first":"G\xE9n\xE9rer une playlist","playlists.generate_title":"G\xE9n\xE9rer une playlist","playlists.generate_submit":"G\xE9n\xE9rer","playlists.generating":"G\xE9n\xE9ration\u2026","playlists.cancel":"Annuler","playlists.save":"Enregistrer","playlists.created":"Cr\xE9\xE9e le {date}","playlists.track_count":"{count} titres","playlists.artist_count":"{count} artistes","playlists.album_count":"{count} albums","playlists.unknown_durations":"{count} de dur\xE9e inconnue","playlists.tracks":"Titres","playlists.no_tracks":"Cette playlist ne contient aucun titre.","playlists.preview_note":"G\xE9n\xE9r\xE9e et enregistr\xE9e \xE0 l\u2019instant : {count} titres.","playlists.export":"Exporter","playlists.export_button":"Exporter","playlists.export_hint":"\xC9crit un fichier dans le dossier aime/exports de la configuration de Home Assistant.","playlists.exported":"Export\xE9e dans {path}","playlists.rename":"Renommer","playlists.new_name":"Nouveau nom","playlists.delete":"Supprimer","playlists.delete_confirm":"Supprimer la playlist \xAB {name} \xBB ? Cette action est d\xE9finitive.","playlists.field.algorithm":"Algorithme","playlists.field.max_tracks":"Nombre maximal de titres","playlists.field.window":"P\xE9riode","playlists.field.prompt":"Consigne","playlists.field.name":"Nom","playlists.field.seed":"Graine al\xE9atoire","playlists.field.hour":"Heure","playlists.field.day_type":"Jours","playlists.field.rediscovery_days":"Pas \xE9cout\xE9 depuis (jours)","playlists.prompt_placeholder":"Du jazz lent pour un dimanche matin pluvieux","playlists.name_placeholder":"Par d\xE9faut l\u2019algorithme et la p\xE9riode","playlists.seed_placeholder":"Aucune : les ex \xE6quo suivent un ordre fixe","playlists.hour_placeholder":"Maintenant","playlists.invalid.max_tracks":"Le nombre maximal de titres doit \xEAtre un nombre entier de {min} \xE0 {max}.","playlists.invalid.seed":"La graine al\xE9atoire doit \xEAtre un nombre entier de 0 \xE0 {max}.","playlists.invalid.prompt":"D\xE9crivez la playlist voulue : l\u2019IA a besoin d\u2019une consigne.","playlists.invalid.hour":"L\u2019heure doit \xEAtre un nombre entier de 0 \xE0 23.","playlists.invalid.rediscovery_days":"\xAB Pas \xE9cout\xE9 depuis \xBB doit \xEAtre un nombre entier de jours de 1 \xE0 {max}.","playlists.algorithm.top_sessions":"Meilleures sessions","playlists.algorithm.artist_correlations":"Corr\xE9lations d\u2019artistes","playlists.algorithm.artist_flow":"Flux d\u2019artistes","playlists.algorithm.time_based":"Selon l\u2019heure","playlists.algorithm.complete_albums":"Albums complets","playlists.algorithm.rediscovery":"Red\xE9couverte","playlists.algorithm.ai_generated":"G\xE9n\xE9r\xE9e par l\u2019IA","playlists.algorithm_hint.top_sessions":"Les titres de vos plus longues sessions d\u2019\xE9coute, dans l\u2019ordre d\u2019\xE9coute.","playlists.algorithm_hint.artist_correlations":"Les artistes que vous \xE9coutez dans les m\xEAmes sessions, en alternant leurs titres les plus \xE9cout\xE9s.","playlists.algorithm_hint.artist_flow":"Une promenade le long des encha\xEEnements d\u2019artistes que vous faites le plus souvent.","playlists.algorithm_hint.time_based":"Ce que vous \xE9coutez le plus \xE0 une heure de la journ\xE9e, tous les jours, en semaine ou le week-end.","playlists.algorithm_hint.complete_albums":"Les albums que vous \xE9coutez du d\xE9but \xE0 la fin, entiers et dans l\u2019ordre.","playlists.algorithm_hint.rediscovery":"Des titres aim\xE9s ou tr\xE8s \xE9cout\xE9s autrefois que vous n\u2019avez pas entendus depuis un moment.","playlists.algorithm_hint.ai_generated":"Votre service d\u2019IA choisit dans votre historique les titres qui r\xE9pondent \xE0 votre consigne.","playlists.window.all":"Depuis toujours","playlists.window.today":"Aujourd\u2019hui","playlists.window.week":"Cette semaine","playlists.window.month":"Ce mois-ci","playlists.window.year":"Cette ann\xE9e","playlists.window.7d":"7 derniers jours","playlists.window.30d":"30 derniers jours","playlists.window.365d":"365 derniers jours","playlists.day_type.any":"Tous les jours","playlists.day_type.weekday":"En semaine","playlists.day_type.weekend":"Le week-end","playlists.format.m3u":"M3U","playlists.format.json":"JSON","playlists.format.csv":"CSV"};var A2={"collection.title":"Collection de disques","collection.search":"Rechercher dans la collection","collection.search_placeholder":"Artiste ou titre","collection.format":"Support","collection.genre":"Genre","collection.style":"Style","collection.decade":"D\xE9cennie","collection.decade_value":"Ann\xE9es {decade}","collection.any":"Tous","collection.option_count":"{name} ({count})","collection.sort":"Trier par","collection.sort.artist":"Artiste","collection.sort.title":"Titre","collection.sort.year":"Ann\xE9e","collection.sort.added":"Date d\u2019ajout","collection.sort.plays":"\xC9coutes","collection.sort.last_played":"Derni\xE8re \xE9coute","collection.ascending":"Ordre croissant","collection.descending":"Ordre d\xE9croissant","collection.shelves":"\xC9tag\xE8res","collection.shelf.never_played":"Jamais \xE9cout\xE9s","collection.shelf.not_played_year":"Pas \xE9cout\xE9s depuis un an","collection.clear":"Effacer les filtres","collection.stats.records":"Disques","collection.stats.played_share":"\xC9cout\xE9s ces 12 derniers mois","collection.stats.never_played":"Jamais \xE9cout\xE9s","collection.total.one":"{count} disque","collection.total.other":"{count} disques","collection.total_of":"{shown} sur {total}","collection.empty":"Votre collection est vide. Reliez votre compte Discogs dans les options d\u2019AIME pour voir vos disques ici.","collection.no_match":"Aucun disque ne correspond \xE0 ces filtres.","collection.more":"Plus de disques","collection.facets_error":"Les filtres n\u2019ont pas pu \xEAtre charg\xE9s : {message}","collection.format.vinyl":"Vinyle","collection.format.cd":"CD","collection.format.cassette":"Cassette","collection.format.digital":"Num\xE9rique","collection.format.box_set":"Coffret","collection.format.other":"Autre","collection.format.unknown":"Support inconnu","collection.plays.one":"{count} \xE9coute","collection.plays.other":"{count} \xE9coutes","collection.never_played":"Jamais \xE9cout\xE9","collection.last_played":"Derni\xE8re \xE9coute le {when}","collection.source.manual":"saisie manuelle"};var d2={"album.kind":"Album","album.original_year":"Sorti en {year}","album.pressing_year":"Ce pressage : {year}","album.genres":"Genres","album.styles":"Styles","album.plays":"\xC9coutes","album.listening":"Temps d\u2019\xE9coute","album.first_played":"Premi\xE8re \xE9coute","album.last_played":"Derni\xE8re \xE9coute","album.never":"Jamais","album.play":"\xC9couter l\u2019album","album.links":"Liens","album.new_tab":"{service} (s\u2019ouvre dans un nouvel onglet)","album.description":"\xC0 propos de cet album","album.description_by":"\xC9crit par {model}, le {when}","album.no_description":"Pas encore de description.","album.regenerate":"R\xE9g\xE9n\xE9rer","album.write":"\xC9crire une description","album.writing":"\xC9criture en cours\u2026","album.regenerate_failed":"La description n\u2019a pas pu \xEAtre \xE9crite : {message}","album.tracks":"Titres","album.no_tracks":"Aucun titre de cet album n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","album.records":"Dans votre collection","album.not_owned":"Cet album n\u2019est pas dans votre collection.","album.record_pressing":"Pressage {year}","album.record_added":"Ajout\xE9 le {when}","album.record_discogs":"Voir sur Discogs","album.history":"Toutes les \xE9coutes","album.no_plays":"Cet album n\u2019a pas encore \xE9t\xE9 \xE9cout\xE9.","album.more_plays":"Plus d\u2019\xE9coutes","album.via":"via {source}","album.on_device":"sur {device}"};var p2={"artist.kind":"Artiste","artist.stands_for":"Regroupe : {names}","artist.plays":"\xC9coutes","artist.albums":"Albums","artist.first_played":"Premi\xE8re \xE9coute","artist.last_played":"Derni\xE8re \xE9coute","artist.never":"Jamais","artist.play":"\xC9couter l\u2019artiste","artist.links":"Liens","artist.new_tab":"{service} (s\u2019ouvre dans un nouvel onglet)","artist.chart":"\xC9coutes par mois","artist.chart_label":"\xC9coutes de {name} par mois","artist.no_months":"Cet artiste n\u2019a pas encore \xE9t\xE9 \xE9cout\xE9.","artist.albums_played":"Albums \xE9cout\xE9s","artist.no_albums":"Aucun album de cet artiste n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","artist.albums_owned":"Albums poss\xE9d\xE9s","artist.albums_owned_unplayed":"Dans votre collection, jamais \xE9cout\xE9s","artist.owned":"Dans la collection","artist.top_tracks":"Titres les plus \xE9cout\xE9s","artist.no_tracks":"Aucun titre de cet artiste n\u2019a encore \xE9t\xE9 \xE9cout\xE9.","artist.by":"par {artist}"};var m2={"journal.search_label":"Rechercher dans les \xE9coutes","journal.search_placeholder":"Rechercher un titre, un artiste ou un album","journal.source_label":"Source","journal.source_any":"Toutes les sources","journal.source.manual":"Manuelle","journal.loved_only":"Favoris uniquement","journal.clear":"Effacer les filtres","journal.chip.artist":"Artiste : {name}","journal.chip.album":"Album : {name}","journal.chip.remove":"Retirer le filtre {name}","journal.unknown_name":"n\xB0 {id}","journal.filter_artist":"Artiste","journal.filter_album":"Album","journal.only_artist":"N\u2019afficher que les \xE9coutes de {name}","journal.only_album":"N\u2019afficher que les \xE9coutes de l\u2019album {name}","journal.total":"{shown} sur {total} \xE9coutes","journal.total_all":"{total} \xE9coutes","journal.total_one":"1 \xE9coute","journal.today":"Aujourd\u2019hui","journal.yesterday":"Hier","journal.empty":"Aucune \xE9coute pour l\u2019instant. AIME enregistre ce que vous \xE9coutez sur Roon et Last.fm.","journal.no_match":"Aucune \xE9coute ne correspond \xE0 ces filtres.","journal.bad_range":"Le premier jour est apr\xE8s le dernier : choisissez un premier jour plus t\xF4t.","journal.loading_more":"Chargement d\u2019autres \xE9coutes\u2026","journal.load_more":"Afficher plus","journal.more_error":"Impossible de charger d\u2019autres \xE9coutes : {message}"};var n2={"timeline.day_label":"Jour","timeline.previous":"Jour pr\xE9c\xE9dent","timeline.next":"Jour suivant","timeline.today":"Aujourd\u2019hui","timeline.today_title":"Aujourd\u2019hui, {date}","timeline.yesterday_title":"Hier, {date}","timeline.plays_label":"\xE9coutes","timeline.plays_one":"\xE9coute","timeline.plays_one_count":"1 \xE9coute","timeline.listening":"temps d\u2019\xE9coute","timeline.estimated":"({count} estim\xE9es)","timeline.estimated_help":"Les \xE9coutes sans dur\xE9e connue comptent pour la dur\xE9e d\u2019un morceau typique.","timeline.span":"premi\xE8re et derni\xE8re \xE9coute","timeline.open_journal":"Voir ce jour dans le journal","timeline.chart_label":"\xC9coutes par heure","timeline.hour_plays":"{hour} : {count} \xE9coutes","timeline.empty":"Aucune \xE9coute ce jour-l\xE0.","timeline.back_today":"Revenir \xE0 aujourd\u2019hui","timeline.empty_hour":"{hour} \xB7 aucune \xE9coute","timeline.empty_hours":"{first} \u2013 {end} \xB7 aucune \xE9coute","timeline.bad_day":"\xAB {day} \xBB n\u2019est pas une date : utilisez la forme 2024-03-31."};var l2={"cards.open_panel":"Ouvrir AIME","cards.stats.name":"Statistiques d\u2019\xE9coute AIME","cards.stats.description":"\xC9coutes, temps d\u2019\xE9coute, un graphique et vos artistes, albums ou titres pr\xE9f\xE9r\xE9s sur une p\xE9riode.","cards.stats.default_title":"\xC9coute","cards.stats.plays":"\xC9coutes","cards.stats.listening":"Temps d\u2019\xE9coute","cards.stats.hours":"{hours} h","cards.stats.artists":"Artistes","cards.stats.empty":"Aucune \xE9coute sur cette p\xE9riode.","cards.stats.top_artists":"Artistes les plus \xE9cout\xE9s","cards.stats.top_albums":"Albums les plus \xE9cout\xE9s","cards.stats.top_tracks":"Titres les plus \xE9cout\xE9s","cards.stats.chart_day":"\xC9coutes par jour","cards.stats.chart_week":"\xC9coutes par semaine","cards.stats.chart_month":"\xC9coutes par mois","cards.recent.name":"\xC9coutes r\xE9centes AIME","cards.recent.description":"Ce que jouent vos zones Roon et vos derni\xE8res \xE9coutes, mis \xE0 jour en direct.","cards.recent.default_title":"\xC9coutes r\xE9centes","cards.recent.empty":"Aucune \xE9coute pour l\u2019instant.","cards.recent.just_now":"\xE0 l\u2019instant","cards.editor.title":"Titre","cards.editor.period":"P\xE9riode","cards.editor.top":"Classement","cards.editor.top_count":"\xC9l\xE9ments du classement","cards.editor.show_chart":"Afficher le graphique","cards.editor.count":"Nombre d\u2019\xE9coutes","cards.editor.show_now_playing":"Afficher ce que jouent les zones","cards.invalid.config":"La configuration de la carte doit \xEAtre un ensemble d\u2019options.","cards.invalid.title":"title doit \xEAtre un texte.","cards.invalid.boolean":"{option} doit valoir true ou false.","cards.invalid.count":"{option} doit \xEAtre un nombre entier de {min} \xE0 {max}.","cards.invalid.choice":"{option} doit \xEAtre l\u2019une de ces valeurs : {choices}."};var v2=L=>Object.assign({},...Object.values(L)),u1={en:v2(Z1),fr:v2(s1)};function E2(L){let H=(L?.locale?.language??L?.language??"en").toLowerCase().split("-")[0];return H in u1?H:"en"}function n(L,C,H={}){return(u1[E2(L)][C]??u1.en[C]??C).replace(/\{(\w+)\}/g,(M,r)=>r in H?String(H[r]):M)}var S1=L=>L?.locale?.language??L?.language??"en";function N2(L,C){return new Intl.NumberFormat(S1(L)).format(C)}var W2=L=>L?.config?.time_zone;function $3(L,C,H={dateStyle:"medium",timeStyle:"short"}){let V=typeof C=="number"?new Date(C*1e3):new Date(C);return new Intl.DateTimeFormat(S1(L),{...H,timeZone:W2(L)}).format(V)}function Q3(L,C,H={dateStyle:"medium"}){let[V,M,r]=C.split("-").map(Number);return new Intl.DateTimeFormat(S1(L),{...H,timeZone:"UTC"}).format(new Date(Date.UTC(V,M-1,r??1)))}function z3(L,C){let H=Math.round(C/60);if(H<60)return n(L,"common.minutes",{minutes:H});let V=Math.floor(H/60);return n(L,"common.hours_minutes",{hours:N2(L,V),minutes:H%60})}function x2(L){return Object.values(L.entities??{}).filter(C=>C.platform==="aime"&&C.entity_id.startsWith("media_player.")).map(C=>L.states[C.entity_id]).filter(C=>C&&C.state!=="unavailable").map(C=>({entityId:C.entity_id,name:C.attributes.friendly_name??C.entity_id,state:C.state})).sort((C,H)=>C.name.localeCompare(H.name))}var q3=(L,C,H,V)=>L.callService("media_player","play_media",{entity_id:C,media_content_id:H,media_content_type:V}),Z2=(L,C,H)=>L.callService("media_player",H,{entity_id:C});var O=class extends v{constructor(){super(...arguments);this.src=null;this.label="";this.size=48;this.fluid=!1;this.failed=!1}static{this.styles=x`
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
  `}willUpdate(H){H.has("src")&&(this.failed=!1)}render(){return this.style.setProperty("--aime-cover-size",`${this.size}px`),this.src&&this.src.startsWith("/")&&!this.src.startsWith("//")&&!this.failed?m`<img
        src=${this.src}
        alt=${this.label}
        loading="lazy"
        decoding="async"
        @error=${()=>this.failed=!0}
      />`:m`<div class="placeholder" role="img" aria-label=${this.label||d}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d=${f1} />
      </svg>
    </div>`}};o([a()],O.prototype,"src",2),o([a()],O.prototype,"label",2),o([a({type:Number})],O.prototype,"size",2),o([a({type:Boolean,reflect:!0})],O.prototype,"fluid",2),o([K1()],O.prototype,"failed",2);Z("aime-cover",O);var I2=new Set(["playing","paused","buffering"]),U2={previous:B1,play:b1,pause:k1,next:w1},F=class extends v{constructor(){super(...arguments);this.narrow=!1;this.stacked=!1}static{this.styles=[L1,x`
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
    `]}render(){if(!this.hass)return d;let H=x2(this.hass).map(M=>this.hass.states[M.entityId]);if(!H.length)return d;let V=H.filter(M=>I2.has(M.state));return m`<section class="strip" aria-label=${n(this.hass,"panel.now_playing.label")} data-testid="now-playing">
      ${V.length?V.map(M=>this.renderZone(M)):m`<span class="muted">${n(this.hass,"panel.now_playing.idle")}</span>`}
    </section>`}renderZone(H){let V=H.attributes,M=H.state==="playing",r=V.friendly_name??H.entity_id;return m`<div class="zone" data-testid="now-playing-zone" data-entity-id=${H.entity_id}>
      <aime-cover .src=${V.entity_picture??null} .size=${40} label=${V.media_album_name??""}></aime-cover>
      <div class="text">
        <div class="title ellipsis">${V.media_title??r}</div>
        <div class="muted ellipsis">${V.media_artist??""}${this.narrow?"":` \xB7 ${r}`}</div>
      </div>
      <div class="controls">
        ${this.narrow?d:this.button(H,"previous","media_previous_track")}
        ${this.button(H,M?"pause":"play","media_play_pause")}
        ${this.button(H,"next","media_next_track")}
      </div>
    </div>`}button(H,V,M){return m`<button
      class="icon"
      data-testid="now-playing-${V}"
      aria-label=${n(this.hass,`panel.now_playing.${V}`)}
      title=${n(this.hass,`panel.now_playing.${V}`)}
      @click=${()=>Z2(this.hass,H.entity_id,M)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${U2[V]} /></svg>
    </button>`}};o([a({attribute:!1})],F.prototype,"hass",2),o([a({type:Boolean})],F.prototype,"narrow",2),o([a({type:Boolean,reflect:!0})],F.prototype,"stacked",2);Z("aime-now-playing",F);var c1="/aime";function G2(L,C=!1){C?history.replaceState(null,"",L):history.pushState(null,"",L),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:C}}))}var p0=L=>`${c1}/album/${L}`,m0=L=>`${c1}/artist/${L}`;function n0(L){let C=L.currentTarget;!C||L.defaultPrevented||L.button!==0||L.metaKey||L.ctrlKey||L.shiftKey||L.altKey||(L.preventDefault(),G2(C.getAttribute("href")??c1))}var P=(L,C,H={})=>L.callWS({type:C,...H});function M1(L){return Object.fromEntries(Object.entries(L).filter(([,C])=>C!=null&&C!==""))}async function v0(L,C,H,V=!1){return(await L.callService("aime",C,H,void 0,!1,V))?.response}function $2(L){return L&&typeof L=="object"&&"message"in L?String(L.message):String(L)}async function s2(L,C){let H=C??{},V=L.loadBackendTranslation;if(H.translation_domain&&H.translation_key&&V)try{let M=await V.call(L,"exceptions",H.translation_domain),r=`component.${H.translation_domain}.exceptions.${H.translation_key}.message`,e=M(r,H.translation_placeholders??{});if(e)return e}catch{}return $2(C)}var u0=(L,C,H=0,V=50)=>P(L,"aime/history",{...M1(C),page:H,page_size:V});var u2=(L,C)=>L.connection.subscribeMessage(C,{type:"aime/subscribe"});var Q2={status:"loading"},$=class extends v{constructor(){super(...arguments);this.narrow=!1;this.params={}}t(H,V){return n(this.hass,H,V)}routeIdChanged(H){if(!this.hass)return!1;let V=H.has("hass")&&H.get("hass")===void 0,M=H.get("params")?.id;return V||H.has("params")&&M!==this.params?.id}onLiveEvent(H){}connectedCallback(){super.connectedCallback(),this.hass&&this.subscribe()}disconnectedCallback(){super.disconnectedCallback();let H=this.unsubscribe;this.unsubscribe=void 0,H?.then(V=>V()).catch(()=>{})}willUpdate(H){H.has("hass")&&this.hass&&!this.unsubscribe&&this.isConnected&&this.subscribe()}subscribe(){this.unsubscribe=u2(this.hass,H=>{H.kind==="ended"?this.unsubscribe=void 0:this.onLiveEvent(H)}),this.unsubscribe.catch(()=>{})}async load(H,V,M=!1){M||V(Q2);try{V({status:"ready",value:await H()})}catch(r){V({status:"error",message:await s2(this.hass,r)})}}renderLoad(H,V,M){return H.status==="loading"?m`<div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div>`:H.status==="error"?m`<div class="state error" role="alert" data-testid="error">
        ${this.t("common.error",{message:H.message})}
        ${M?m`<button @click=${M}>${this.t("common.retry")}</button>`:""}
      </div>`:V(H.value)}};o([a({attribute:!1})],$.prototype,"hass",2),o([a({type:Boolean})],$.prototype,"narrow",2),o([a({attribute:!1})],$.prototype,"params",2);var z2,j2=()=>z2??=import("./echarts-setup-MBWQDIYC.js");function q2(L){let C=getComputedStyle(L),H=(V,M)=>C.getPropertyValue(V).trim()||M;return{primary:H("--primary-color","#03a9f4"),accent:H("--accent-color","#ff9800"),text:H("--primary-text-color","#212121"),secondaryText:H("--secondary-text-color","#727272"),divider:H("--divider-color","rgba(0,0,0,.12)"),background:H("--card-background-color","#fff")}}var R=class extends v{constructor(){super(...arguments);this.options={};this.label="";this.height=260}static{this.styles=x`
    :host {
      display: block;
      width: 100%;
    }
    .chart {
      width: 100%;
    }
  `}render(){return m`<div class="chart" role="img" aria-label=${this.label} style="height:${this.height}px"></div>`}async updated(H){if(!H.has("options")&&!H.has("height"))return;let V=this.renderRoot.querySelector(".chart");if(!V)return;let{echarts:M}=await j2();this.isConnected&&(!this.chart||this.chart.isDisposed()?(this.chart=M.init(V,void 0,{renderer:"svg"}),this.resizeObserver=new ResizeObserver(()=>this.chart?.resize()),this.resizeObserver.observe(V)):H.has("height")&&this.chart.resize(),this.chart.setOption(this.themed(this.options),{notMerge:!0,lazyUpdate:!1}))}disconnectedCallback(){super.disconnectedCallback(),this.resizeObserver?.disconnect(),this.chart?.dispose(),this.chart=void 0}themed(H){let V=q2(this),M=H.tooltip?{backgroundColor:V.background,borderColor:V.divider,textStyle:{color:V.text},...H.tooltip,renderMode:"richText",confine:!0}:void 0;return{color:[V.primary,V.accent,V.secondaryText],textStyle:{color:V.text,fontFamily:"inherit"},backgroundColor:"transparent",animation:!1,...H,...M?{tooltip:M}:{}}}};o([a({attribute:!1})],R.prototype,"options",2),o([a()],R.prototype,"label",2),o([a({type:Number})],R.prototype,"height",2);Z("aime-chart",R);function h2(L,C=new Date){return new Intl.DateTimeFormat("en-CA",{timeZone:L?.config?.time_zone,year:"numeric",month:"2-digit",day:"2-digit"}).format(C)}function h1(L,C){let[H,V,M]=L.split("-").map(Number);return new Date(Date.UTC(H,V-1,M+C)).toISOString().slice(0,10)}function R0(L,C){let H=V=>Date.parse(`${V}T00:00:00Z`);return Math.round((H(C)-H(L))/864e5)+1}var O1=L=>/^\d{4}-\d{2}-\d{2}$/.test(L),S2={year:"numeric",month:"2-digit",day:"2-digit"},c2={day:"D",month:"M",year:"Y"};function r1(L){let C=L?.locale?.date_format,H=C==="system"?void 0:L?.locale?.language??L?.language,V;try{V=new Intl.DateTimeFormat(H,S2).formatToParts(new Date(Date.UTC(2020,11,31)))}catch{V=new Intl.DateTimeFormat("en",S2).formatToParts(new Date(Date.UTC(2020,11,31)))}let M=V.filter(i=>i.type in c2).map(i=>c2[i.type]).join(""),r=C==="DMY"||C==="MDY"||C==="YMD"?C:M,e=V.find(i=>i.type==="literal")?.value.trim()||"/";return{order:r,separator:e}}function e1(L,C){if(!O1(C))return"";let[H,V,M]=C.split("-"),r={D:M,M:V,Y:H},{order:e,separator:i}=r1(L);return[...e].map(t=>r[t]).join(i)}function t1(L,C){let H=C.trim().match(/\d+/g);if(!H||H.length!==3||/[^\d\s./-]/.test(C.trim()))return;let V=H[0].length===4?"YMD":r1(L).order,M={};if([...V].forEach((p,l)=>M[p]=H[l]),M.Y.length!==4||M.M.length>2||M.D.length>2)return;let[r,e,i]=[Number(M.Y),Number(M.M),Number(M.D)],t=new Date(Date.UTC(r,e-1,i));if(!(t.getUTCFullYear()!==r||t.getUTCMonth()!==e-1||t.getUTCDate()!==i))return`${M.Y}-${String(e).padStart(2,"0")}-${String(i).padStart(2,"0")}`}var K2={D:"common.date.day",M:"common.date.month",Y:"common.date.year"},s=class extends v{constructor(){super(...arguments);this.value="";this.min="";this.max="";this.label=""}static{this.styles=x`
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
  `}updated(H){(H.has("value")||H.has("hass"))&&t1(this.hass,this.textField.value)!==this.value&&(this.textField.value=e1(this.hass,this.value))}render(){let H=r1(this.hass),V=[...H.order].map(M=>n(this.hass,K2[M])).join(H.separator);return m`<input
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
        aria-label=${n(this.hass,"common.date.open_calendar")}
        title=${n(this.hass,"common.date.open_calendar")}
        @click=${this.openCalendar}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${y1} /></svg></button
      ><input
        type="date"
        tabindex="-1"
        aria-hidden="true"
        .value=${this.value}
        min=${this.min}
        max=${this.max}
        @change=${()=>this.commit(this.calendar.value)}
      />`}onInput(){let H=t1(this.hass,this.textField.value);H&&this.commit(H)}onTextChange(){let H=this.textField.value.trim(),V=t1(this.hass,H);H?V?this.commit(V):this.textField.value=e1(this.hass,this.value):this.commit("")}openCalendar(){try{this.calendar.showPicker()}catch{this.textField.focus()}}commit(H){H!==this.value&&(this.value=H,this.textField.value=e1(this.hass,H),this.dispatchEvent(new Event("change",{bubbles:!0})))}};o([a({attribute:!1})],s.prototype,"hass",2),o([a()],s.prototype,"value",2),o([a()],s.prototype,"min",2),o([a()],s.prototype,"max",2),o([a()],s.prototype,"label",2),o([v1("input[type=text]")],s.prototype,"textField",2),o([v1("input[type=date]")],s.prototype,"calendar",2);Z("aime-date-input",s);var z0=(L,C,H=10)=>P(L,"aime/stats",{window:C,top:H}),j0=(L,C)=>P(L,"aime/range",M1(C)),q0=(L,C,H,V=5)=>P(L,"aime/compare",{current:C,previous:H,top:V});var K0=L=>P(L,"aime/streaks");var Y2=["7d","30d","365d","all","custom"],J2={"7d":7,"30d":30,"365d":365};function O2(L,C,H){let V=h2(L);return C==="custom"?{window:C,first_day:H?.first_day??h1(V,-29),last_day:H?.last_day??V}:C==="all"?{window:C,last_day:V}:{window:C,first_day:h1(V,1-J2[C]),last_day:V}}var _=class extends v{constructor(){super(...arguments);this.windows=Y2}static{this.styles=[L1,x`
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
    `]}render(){let H=this.period??O2(this.hass,"30d");return m`
      <div class="windows" role="group">
        ${this.windows.map(V=>m`<button
            data-testid="period-${V}"
            part="window"
            aria-pressed=${H.window===V?"true":"false"}
            @click=${()=>this.change(O2(this.hass,V,H))}
          >
            ${n(this.hass,`common.window.${V}`)}
          </button>`)}
      </div>
      ${H.window==="custom"?m`<label
              >${n(this.hass,"common.from")}
              <aime-date-input
                data-testid="period-first"
                .hass=${this.hass}
                label=${n(this.hass,"common.from")}
                .value=${H.first_day??""}
                max=${H.last_day}
                @change=${V=>this.setDay(H,"first_day",V)}
              ></aime-date-input
            ></label>
            <label
              >${n(this.hass,"common.to")}
              <aime-date-input
                data-testid="period-last"
                .hass=${this.hass}
                label=${n(this.hass,"common.to")}
                .value=${H.last_day}
                min=${H.first_day??""}
                @change=${V=>this.setDay(H,"last_day",V)}
              ></aime-date-input
            ></label>`:""}
    `}setDay(H,V,M){let r=M.target.value;if(!O1(r))return;let e={...H,[V]:r};e.first_day&&e.first_day>e.last_day||this.change(e)}change(H){this.period=H,this.dispatchEvent(new CustomEvent("period-changed",{detail:H,bubbles:!0,composed:!0}))}};o([a({attribute:!1})],_.prototype,"hass",2),o([a({attribute:!1})],_.prototype,"period",2),o([a({attribute:!1})],_.prototype,"windows",2);Z("aime-period-picker",_);export{X2 as a,C5 as b,H5 as c,V5 as d,L5 as e,M5 as f,r5 as g,e5 as h,t5 as i,x as j,m as k,k as l,d as m,n5 as n,v as o,a as p,K1 as q,L1 as r,V3 as s,x2 as t,q3 as u,Z as v,E2 as w,n as x,N2 as y,$3 as z,Q3 as A,z3 as B,c1 as C,G2 as D,p0 as E,m0 as F,n0 as G,P as H,M1 as I,v0 as J,s2 as K,u0 as L,Q2 as M,$ as N,q2 as O,h2 as P,h1 as Q,R0 as R,O1 as S,z0 as T,j0 as U,q0 as V,K0 as W,O2 as X};
