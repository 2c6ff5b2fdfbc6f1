// actionagenda's embeddable components: <aa-commitments>, <aa-commitment>, <aa-statistics>, <aa-categories>.
// Plain JavaScript, no dependencies. The platform is the origin this script was loaded from, unless an element's
// `api` attribute names another one. Every text from the API is set as text, never parsed as HTML.
(() => {
  const script = document.currentScript;
  const HOME = script ? new URL(script.src, location.href).origin : location.origin;
  const S = {
    en: {load: "Loading…", fail: "Sorry, this could not be loaded. Please try again later.", none: "No commitments match.",
      list: "Biosafety commitments", all: "See them all on the platform", stats: "Biosafety commitments in figures",
      total: "published commitments", countries: "countries", t17: "linked to GBF Target 17", cats: "Biosafety action categories",
      A: "Areas for implementation", B: "Enabling environment", overall: "Overall progress", kpis: "Indicators",
      target: "target", n: (n) => n + (n === 1 ? " commitment" : " commitments"),
      st: {achieved: "Achieved", on_track: "On track", at_risk: "At risk", off_track: "Off track", regressing: "Regressing", no_data: "No data"}},
    fr: {load: "Chargement…", fail: "Désolé, le contenu n’a pas pu être chargé. Veuillez réessayer plus tard.", none: "Aucun engagement ne correspond.",
      list: "Engagements pour la biosécurité", all: "Les voir tous sur la plateforme", stats: "Les engagements pour la biosécurité en chiffres",
      total: "engagements publiés", countries: "pays", t17: "liés à la cible 17 du Cadre mondial de la biodiversité", cats: "Catégories d’action pour la biosécurité",
      A: "Domaines de mise en œuvre", B: "Environnement favorable", overall: "Progrès global", kpis: "Indicateurs",
      target: "cible", n: (n) => n + (n < 2 ? " engagement" : " engagements"),
      st: {achieved: "Atteint", on_track: "En bonne voie", at_risk: "À risque", off_track: "En retard", regressing: "En recul", no_data: "Pas de données"}},
    es: {load: "Cargando…", fail: "Lo sentimos, no se pudo cargar. Vuelva a intentarlo más tarde.", none: "Ningún compromiso coincide.",
      list: "Compromisos de bioseguridad", all: "Verlos todos en la plataforma", stats: "Los compromisos de bioseguridad en cifras",
      total: "compromisos publicados", countries: "países", t17: "vinculados a la meta 17 del Marco Mundial de Biodiversidad", cats: "Categorías de acción de bioseguridad",
      A: "Áreas de aplicación", B: "Entorno propicio", overall: "Progreso general", kpis: "Indicadores",
      target: "meta", n: (n) => n + (n === 1 ? " compromiso" : " compromisos"),
      st: {achieved: "Logrado", on_track: "En buen camino", at_risk: "En riesgo", off_track: "Retrasado", regressing: "En retroceso", no_data: "Sin datos"}},
  };
  const CSS = `:host{display:block;font:inherit;color:var(--aa-color,inherit);--a:var(--aa-accent,#1d6b48);--m:var(--aa-muted,#555)}
.aa{background:var(--aa-bg,transparent);border:1px solid var(--aa-border,#ccc);border-radius:var(--aa-radius,6px);padding:var(--aa-padding,1rem)}
h2,h3{font-family:var(--aa-heading-font,inherit);margin:0 0 .5rem;line-height:1.25}h2{font-size:1.25em}h3{font-size:1.05em;margin-top:1rem}
ul{list-style:none;margin:0;padding:0}li{padding:.4rem 0;border-top:1px solid var(--aa-border,#ddd)}li:first-child{border-top:0}
a{color:var(--a)}figure{margin:1rem 0 0}a:focus-visible{outline:2px solid var(--a);outline-offset:2px}p{margin:.25rem 0}.m{color:var(--m);font-size:.9em}
.t{display:flex;flex-wrap:wrap;gap:1rem}.t li{border:0}.t strong{display:block;font-size:1.6em;color:var(--a)}
.b{display:grid;grid-template-columns:minmax(6rem,40%) 1fr auto;gap:.5rem;align-items:center}
.b i{display:block;height:.8rem;min-width:2px;background:var(--a);border-radius:2px}
.c{display:flex;justify-content:space-between;gap:1rem}.n{font-variant-numeric:tabular-nums;white-space:nowrap}
progress{width:100%;height:.8rem;accent-color:var(--a)}.s:empty{display:none}.e{color:var(--aa-error,#a11)}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;
  let sheet;
  const cache = new Map();

  const h = (tag, props, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) if (v != null) k in el ? el[k] = v : el.setAttribute(k, v);
    el.append(...kids.flat(9).filter((kid) => kid != null));
    return el;
  };

  class Base extends HTMLElement {
    static get observedAttributes() { return ["lang", "api", "actor-type", "country", "gbf-target", "search", "limit", "commitment-id", "facet"]; }
    connectedCallback() { this.update(); }
    attributeChangedCallback() { if (this.isConnected) this.update(); }

    get lang2() {
      const lang = (this.closest("[lang]")?.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
      return S[lang] ? lang : "en";
    }

    get home() {
      const api = this.getAttribute("api");
      return api ? new URL(api, location.href).origin : HOME;
    }

    get(path) {
      const lang = this.lang2, url = this.home + "/api/v1/" + path, key = lang + " " + url;
      if (!cache.has(key)) {
        // Omitted credentials: the answer is the public one, in the requested language (not a visitor's cookie).
        cache.set(key, fetch(url, {headers: {"Accept-Language": lang}, credentials: "omit"})
          .then((r) => r.ok ? r.json() : Promise.reject(r.status))
          .catch((error) => { cache.delete(key); throw error; }));
      }
      return cache.get(key);
    }

    vocabulary(name) {
      return this.get("vocabularies/" + name).then((v) => new Map(v.entries.map((e) => [e.code, e])));
    }

    page(path, params) {
      const url = new URL(this.home + "/" + this.lang2 + "/" + path);
      for (const [k, v] of params || []) url.searchParams.append(k, v);
      return url.href;
    }

    update() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => { this.pending = false; this.draw(); });
    }

    async draw() {
      const root = this.shadowRoot || this.attachShadow({mode: "open"});
      if (!sheet && "adoptedStyleSheets" in root) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      const t = S[this.lang2], status = h("p", {className: "s", role: "status"}), body = h("div");
      const box = h("div", {className: "aa", part: "box", lang: this.lang2}, status, body);
      if (sheet) root.adoptedStyleSheets = [sheet]; else box.prepend(h("style", {}, CSS));
      root.replaceChildren(box);
      status.textContent = t.load;
      const run = (this.run = {});
      try {
        const content = await this.build(t);
        if (run !== this.run) return;
        body.replaceChildren(...[content].flat(9).filter((kid) => kid != null));
        status.textContent = "";
      } catch (error) {
        if (run !== this.run) return;
        status.classList.add("e");
        status.textContent = t.fail;
      }
    }

    heading(text, tag) {
      return h(tag || "h2", {part: "heading"}, text);
    }

    filters() {
      const params = [];
      for (const name of ["actor-type", "country", "gbf-target"]) {
        for (const value of (this.getAttribute(name) || "").split(/[\s,]+/)) if (value) params.push([name.replace("-", "_"), value]);
      }
      const search = this.getAttribute("search");
      if (search) params.push(["search", search]);
      return params;
    }
  }

  const countryName = (lang) => {
    let names;
    try { names = new Intl.DisplayNames([lang], {type: "region"}); } catch (e) { names = null; }
    return (code) => (names && names.of(code)) || code;
  };
  const percent = (lang, value) => new Intl.NumberFormat(lang, {style: "percent"}).format(value);
  const number = (lang, value) => new Intl.NumberFormat(lang).format(value);

  class Commitments extends Base {
    async build(t) {
      const filters = this.filters(), limit = Math.min(Math.max(parseInt(this.getAttribute("limit"), 10) || 5, 1), 100);
      const query = new URLSearchParams([...filters, ["limit", limit]]);
      const [found, actors] = await Promise.all([this.get("commitments?" + query), this.vocabulary("actor_type")]);
      const country = countryName(this.lang2);
      const list = h("ul", {}, found.items.map((c) => h("li", {},
        h("h3", {}, h("a", {href: c.url}, c.title)),
        h("p", {className: "m"}, [c.actor.name, actors.get(c.actor.type)?.label, c.countries.map(country).join(", ")]
          .filter(Boolean).join(" · ")))));
      return [this.heading(t.list), h("p", {className: "m"}, t.n(found.count)),
        found.items.length ? list : h("p", {}, t.none),
        h("p", {}, h("a", {href: this.page("commitments/", filters)}, t.all))];
    }
  }

  class Commitment extends Base {
    async build(t) {
      const id = parseInt(this.getAttribute("commitment-id"), 10);
      if (!id) throw new Error("commitment-id");
      const c = await this.get("commitments/" + id), lang = this.lang2;
      const overall = c.scorecard.overall == null ? null : Math.min(Math.max(Number(c.scorecard.overall), 0), 1);
      const bar = (label, value, text) => h("div", {}, h("p", {className: "c"}, h("span", {}, label), h("span", {className: "n"}, text)),
        h("progress", {max: 100, value: value || 0, "aria-label": label}));
      return [this.heading(h("a", {href: c.url}, c.title)),
        h("p", {className: "m"}, [c.actor.name, c.countries.map(countryName(lang)).join(", ")].filter(Boolean).join(" · ")),
        h("p", {}, c.description.length > 300 ? c.description.slice(0, 300).trimEnd() + "…" : c.description),
        overall == null ? null : bar(t.overall, Math.round(overall * 100), percent(lang, overall)),
        c.kpis.length ? [this.heading(t.kpis, "h3"), h("ul", {}, c.kpis.map((k) => h("li", {},
          bar(k.name, k.progress.display_percent, [k.progress.display_percent == null ? "" : percent(lang, k.progress.display_percent / 100),
            t.st[k.progress.state]].filter(Boolean).join(" · ")),
          k.target.value == null ? null : h("p", {className: "m"},
            [k.current == null ? null : number(lang, k.current) + " / ", number(lang, k.target.value), " ", k.unit, " (", t.target, ")"]
              .filter((x) => x != null).join("")))))] : null];
    }
  }

  class Statistics extends Base {
    async build(t) {
      const facet = this.getAttribute("facet") || "region", lang = this.lang2;
      const [stats, vocabulary] = await Promise.all([this.get("statistics"), this.get("vocabularies/" + facet)]);
      const counts = stats.by[facet] || {}, labels = new Map(vocabulary.entries.map((e) => [e.code, e.label]));
      const rows = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 10);
      const most = rows.length ? rows[0][1] : 1;
      const totals = [[stats.total, t.total], [Object.values(stats.by.country || {}).filter((n) => n > 0).length, t.countries],
        [(stats.by.gbf_target || {})["GBF-17"] || 0, t.t17]];
      return [this.heading(t.stats),
        h("ul", {className: "t"}, totals.map(([n, label]) => h("li", {}, h("strong", {}, number(lang, n)), label))),
        h("figure", {}, h("figcaption", {}, this.heading(vocabulary.label, "h3")),
          h("ul", {}, rows.map(([code, n]) => {
            const bar = h("i", {"aria-hidden": "true"});
            bar.style.width = (100 * n / most) + "%";
            return h("li", {className: "b"}, h("span", {}, labels.get(code) || code), h("span", {}, bar), h("span", {className: "n"}, t.n(n)));
          })))];
    }
  }

  class Categories extends Base {
    async build(t) {
      const [stats, vocabulary] = await Promise.all([this.get("statistics"), this.get("vocabularies/ip_element")]);
      const counts = stats.by.ip_element || {}, groups = new Map();
      for (const e of vocabulary.entries) groups.set(e.group, [...(groups.get(e.group) || []), e]);
      return [this.heading(t.cats), [...groups].map(([group, entries]) => [
        group && t[group] ? this.heading(t[group], "h3") : null,
        h("ul", {}, entries.map((e) => h("li", {className: "c"},
          h("a", {href: this.page("commitments/", [["ip_element", e.code]])}, e.label),
          h("span", {className: "n"}, t.n(counts[e.code] || 0)))))])];
    }
  }

  for (const [name, kind] of [["aa-commitments", Commitments], ["aa-commitment", Commitment], ["aa-statistics", Statistics], ["aa-categories", Categories]]) {
    if (!customElements.get(name)) customElements.define(name, kind);
  }
})();
