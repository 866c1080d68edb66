/*
 * Practices and upcoming trainings of one member organisation, read from
 * the migration network portal's REST API, for a member's own web site.
 *
 * Paste one div and one script tag where the box should appear:
 *
 *   <div data-migration-network
 *        data-portal="https://portal.example.org/Plone"
 *        data-organisation="athens"></div>
 *   <script src="migration-network.js" defer></script>
 *
 * data-portal        address of the portal (required)
 * data-organisation  the organisation's UID, or its short name (its id in
 *                    the portal's address, e.g. "athens"); without it the
 *                    box shows the whole network
 * data-lang          "el" or "en"; by default the visitor's browser
 *                    language, else English. Changing it later (e.g. from
 *                    the site's own language switch) redraws the box.
 * data-limit         how many practices and trainings to show (default 10)
 *
 * No framework, no build step, no cookies: the portal answers any origin
 * (CORS) for anonymous GET requests, and shows only published content.
 */
(function () {
  "use strict";

  var TEXTS = {
    en: {
      filter: "Thematic area",
      allAreas: "All thematic areas",
      practices: "Practices",
      trainings: "Upcoming trainings",
      loading: "Loading…",
      noPractices: "No practices to show.",
      noTrainings: "No upcoming trainings.",
      summary: function (practices, trainings) {
        return (
          plural(practices, "practice", "practices") +
          ", " +
          plural(trainings, "upcoming training", "upcoming trainings")
        );
      },
      more: "All on the network portal",
      unreachable:
        "The network portal cannot be reached right now. Please try again later.",
      notFound: "This organisation was not found on the network portal.",
      misconfigured: "This box lacks the address of the network portal.",
    },
    el: {
      filter: "Θεματική περιοχή",
      allAreas: "Όλες οι θεματικές περιοχές",
      practices: "Πρακτικές",
      trainings: "Επερχόμενες επιμορφώσεις",
      loading: "Φόρτωση…",
      noPractices: "Δεν υπάρχουν πρακτικές.",
      noTrainings: "Δεν υπάρχουν επερχόμενες επιμορφώσεις.",
      summary: function (practices, trainings) {
        return (
          plural(practices, "πρακτική", "πρακτικές") +
          ", " +
          plural(
            trainings,
            "επερχόμενη επιμόρφωση",
            "επερχόμενες επιμορφώσεις",
          )
        );
      },
      more: "Όλα στην πύλη του δικτύου",
      unreachable:
        "Η πύλη του δικτύου δεν είναι διαθέσιμη αυτή τη στιγμή. Δοκιμάστε ξανά αργότερα.",
      notFound: "Ο οργανισμός δεν βρέθηκε στην πύλη του δικτύου.",
      misconfigured: "Λείπει η διεύθυνση της πύλης του δικτύου.",
    },
  };
  var LOCALES = { el: "el-GR", en: "en-GB" };
  var DEFAULT_LANGUAGE = "en";
  var DEFAULT_LIMIT = 10;
  var MAX_LIMIT = 100;
  var FACET = "thematic_areas";
  var WATCHED = ["data-portal", "data-organisation", "data-lang", "data-limit"];
  var UID = /^[0-9a-f]{32}$/;
  var counter = 0;

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* The language of the box: data-lang, else the browser's, else English. */
  function language(element) {
    var wanted = [element.getAttribute("data-lang") || ""].concat(
      navigator.languages || [navigator.language || ""],
    );
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      if (TEXTS.hasOwnProperty(code)) {
        return code;
      }
    }
    return DEFAULT_LANGUAGE;
  }

  function settings(element) {
    var limit = parseInt(element.getAttribute("data-limit"), 10);
    return {
      portal: (element.getAttribute("data-portal") || "").trim().replace(/\/+$/, ""),
      organisation: (element.getAttribute("data-organisation") || "").trim(),
      lang: language(element),
      limit: limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT,
    };
  }

  /* ---- talking to the portal ---- */

  function NotFound() {}

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (name) {
      [].concat(params[name]).forEach(function (value) {
        if (value !== undefined && value !== null && value !== "") {
          search.append(name, value);
        }
      });
    });
    return search.toString();
  }

  /* GET a JSON answer; no cookies are sent, so the portal answers as to
     any anonymous visitor. */
  function getJSON(url, params) {
    return fetch(url + "?" + query(params), {
      headers: { Accept: "application/json" },
      credentials: "omit",
      mode: "cors",
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("The portal answered " + response.status + " for " + url);
      }
      return response.json();
    });
  }

  var ORGANISATION_FIELDS = ["UID", "Language", "TranslationGroup", "Title"];

  function findOrganisations(portal, params) {
    params.portal_type = "Organisation";
    params.metadata_fields = ORGANISATION_FIELDS;
    return getJSON(portal + "/@search", params).then(function (answer) {
      return answer.items || [];
    });
  }

  /* The organisation in the wanted language: the UID or id given may be
     that of another language's version; its translation is found through
     its translation group. Without a translation, the organisation's own
     language is used for its items. */
  function resolveOrganisation(config) {
    var given = config.organisation;
    var match = UID.test(given) ? { UID: given } : { getId: given };
    return findOrganisations(config.portal, match).then(function (found) {
      if (!found.length) {
        throw new NotFound();
      }
      for (var i = 0; i < found.length; i++) {
        if (found[i].Language === config.lang) {
          return found[i];
        }
      }
      var other = found[0];
      if (!other.TranslationGroup) {
        return other;
      }
      return findOrganisations(config.portal, {
        TranslationGroup: other.TranslationGroup,
        Language: config.lang,
      }).then(function (translations) {
        return translations[0] || other;
      });
    });
  }

  function search(config, organisation, area, params) {
    var lang = (organisation && organisation.Language) || config.lang;
    params.organisation = organisation ? organisation.UID : undefined;
    params[FACET] = area;
    params.facets = FACET;
    params.b_size = config.limit;
    return getJSON(config.portal + "/" + lang + "/@network-search", params);
  }

  function practices(config, organisation, area) {
    return search(config, organisation, area, {
      portal_type: "Practice",
      sort_on: "effective",
      sort_order: "descending",
    });
  }

  function trainings(config, organisation, area) {
    return search(config, organisation, area, {
      portal_type: "Training",
      upcoming: "true",
    });
  }

  /* The thematic areas of practices and upcoming trainings together, with
     how many items each would show. */
  function areas(answers) {
    var merged = {};
    var order = [];
    answers.forEach(function (answer) {
      var facet = (answer.facets || {})[FACET] || {};
      (facet.values || []).forEach(function (value) {
        if (!merged[value.token]) {
          merged[value.token] = { token: value.token, title: value.title, count: 0 };
          order.push(value.token);
        }
        merged[value.token].count += value.count || 0;
      });
    });
    return order.map(function (token) {
      return merged[token];
    });
  }

  /* ---- drawing ---- */

  function make(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    [].concat(children || []).forEach(function (child) {
      node.appendChild(
        typeof child === "string" ? document.createTextNode(child) : child,
      );
    });
    return node;
  }

  /* Only web addresses become links. */
  function safeURL(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  function link(url, text) {
    var href = safeURL(url);
    return href ? make("a", { href: href }, text) : make("span", {}, text);
  }

  /* The wall time an ISO 8601 value states ("2027-01-20T11:00:00+02:00" is
     11:00 where the training takes place), as a Date to be formatted in UTC,
     so that a visitor abroad reads the training's own time, not their
     browser's. */
  function wallTime(value) {
    var m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(value || "");
    if (!m) {
      return null;
    }
    return new Date(
      Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)),
    );
  }

  /* Day, localised month and year with a 24-hour time: "20 Ιανουαρίου
     2027, 11:00 – 13:00". */
  function formatDates(start, end, lang) {
    var format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
    });
    var from = wallTime(start);
    var to = end ? wallTime(end) : null;
    if (!from) {
      return null;
    }
    if (to && to > from && format.formatRange) {
      return format.formatRange(from, to);
    }
    return format.format(from);
  }

  function itemNode(item, lang, withDates) {
    var children = [link(item["@id"], item.title || item["@id"])];
    if (withDates && item.start) {
      var when = formatDates(item.start, item.end, lang);
      if (when) {
        children.push(
          " ",
          make("time", { class: "mn-when", datetime: item.start }, when),
        );
      }
    }
    if (item.description) {
      children.push(make("p", { class: "mn-description" }, item.description));
    }
    return make("li", { class: "mn-item" }, children);
  }

  /* ``lang`` is the box's language (labels, dates), ``contentLang`` the
     items' (another when the organisation has no version in the box's). */
  function listSection(id, heading, items, empty, lang, contentLang, withDates, kind) {
    var headingId = id + "-" + kind;
    var body = items.length
      ? make(
          "ul",
          { class: "mn-list", lang: contentLang },
          items.map(function (item) {
            return itemNode(item, lang, withDates);
          }),
        )
      : make("p", { class: "mn-empty" }, empty);
    return make(
      "section",
      { class: "mn-" + kind, "aria-labelledby": headingId },
      [make("h2", { id: headingId }, heading), body],
    );
  }

  function Box(element) {
    this.element = element;
    this.id = element.id || "migration-network-" + ++counter;
    this.generation = 0;
    this.area = ""; // the chosen thematic area: tokens are the same in every language
  }

  Box.prototype.start = function () {
    var config = settings(this.element);
    var generation = ++this.generation;
    var self = this;
    this.config = config;
    this.texts = TEXTS[config.lang];
    this.organisation = null;
    this.element.setAttribute("lang", config.lang);
    this.element.classList.add("mn-box");
    if (!config.portal) {
      this.fail(this.texts.misconfigured);
      return Promise.resolve();
    }
    this.skeleton();
    var ready = config.organisation
      ? resolveOrganisation(config)
      : Promise.resolve(null);
    return ready.then(
      function (organisation) {
        if (generation === self.generation) {
          self.organisation = organisation;
          return self.load(generation);
        }
      },
      function (error) {
        self.failed(error, generation);
      },
    );
  };

  Box.prototype.skeleton = function () {
    var selectId = this.id + "-area";
    this.select = make("select", { id: selectId, name: FACET, disabled: "" }, [
      make("option", { value: "" }, this.texts.allAreas),
    ]);
    this.status = make(
      "p",
      { class: "mn-status", role: "status", "aria-live": "polite" },
      this.texts.loading,
    );
    this.results = make("div", { class: "mn-results" });
    this.more = make("p", { class: "mn-more" });
    this.element.replaceChildren(
      make("div", { class: "mn-filter" }, [
        make("label", { for: selectId }, this.texts.filter),
        " ",
        this.select,
      ]),
      this.status,
      this.results,
      this.more,
    );
    this.element.setAttribute("aria-busy", "true");
    var self = this;
    this.select.addEventListener("change", function () {
      self.area = self.select.value;
      self.load(++self.generation);
    });
  };

  Box.prototype.load = function (generation) {
    var self = this;
    var config = this.config;
    this.element.setAttribute("aria-busy", "true");
    return Promise.all([
      practices(config, this.organisation, this.area),
      trainings(config, this.organisation, this.area),
    ]).then(
      function (answers) {
        if (generation === self.generation) {
          self.show(answers[0], answers[1]);
        }
      },
      function (error) {
        self.failed(error, generation);
      },
    );
  };

  Box.prototype.show = function (practiceAnswer, trainingAnswer) {
    var texts = this.texts;
    var lang = this.config.lang;
    var contentLang = (this.organisation && this.organisation.Language) || lang;
    var options = areas([practiceAnswer, trainingAnswer]);
    var select = this.select;
    select.replaceChildren(make("option", { value: "" }, texts.allAreas));
    options.forEach(function (area) {
      select.appendChild(
        make("option", { value: area.token }, area.title + " (" + area.count + ")"),
      );
    });
    select.value = this.area;
    select.disabled = false;
    var practiceItems = practiceAnswer.items || [];
    var trainingItems = trainingAnswer.items || [];
    this.results.replaceChildren(
      listSection(
        this.id, texts.practices, practiceItems, texts.noPractices,
        lang, contentLang, false, "practices",
      ),
      listSection(
        this.id, texts.trainings, trainingItems, texts.noTrainings,
        lang, contentLang, true, "trainings",
      ),
    );
    this.status.textContent = texts.summary(
      practiceAnswer.items_total || 0,
      trainingAnswer.items_total || 0,
    );
    var target = this.organisation && safeURL(this.organisation["@id"]);
    this.more.replaceChildren(
      link(target || this.config.portal + "/" + contentLang, texts.more),
    );
    this.element.removeAttribute("aria-busy");
  };

  Box.prototype.failed = function (error, generation) {
    if (generation !== this.generation) {
      return;
    }
    if (error instanceof NotFound) {
      this.fail(this.texts.notFound);
    } else {
      if (window.console) {
        console.error("migration-network:", error);
      }
      this.fail(this.texts.unreachable);
    }
  };

  Box.prototype.fail = function (message) {
    this.element.removeAttribute("aria-busy");
    this.element.replaceChildren(
      make("p", { class: "mn-error", role: "alert" }, message),
    );
  };

  function setUp(element) {
    if (element.migrationNetwork) {
      return element.migrationNetwork;
    }
    var box = new Box(element);
    element.migrationNetwork = box;
    box.start();
    new MutationObserver(function () {
      box.start();
    }).observe(element, { attributes: true, attributeFilter: WATCHED });
    return box;
  }

  function setUpAll() {
    var elements = document.querySelectorAll("[data-migration-network]");
    Array.prototype.forEach.call(elements, setUp);
  }

  window.MigrationNetwork = { setUp: setUp, texts: TEXTS };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
