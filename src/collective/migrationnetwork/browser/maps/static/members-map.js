/* The map of member organisations (@@members-map-panel).
 *
 * Reads the members from the panel's JSON (catalogue metadata), draws
 * those that have a place with Leaflet, clustered, and filters the map and
 * the list by country as the network and kind choices change. Every text
 * that comes from content (titles, kinds) is set with textContent, never
 * parsed as HTML. Without this script (or without Leaflet) the panel is
 * the list by country and a GET form.
 */
(function () {
  "use strict";

  var DEFAULT_VIEW = { center: [38.5, 24.5], zoom: 5 };

  function safeHref(url) {
    return /^(https?:\/\/|\/)/i.test(url || "") ? url : null;
  }

  function attribution(tiles) {
    // Leaflet writes the attribution as HTML: build it from text.
    var holder = document.createElement("span");
    var href = safeHref(tiles.attribution_url);
    var node = document.createElement(href ? "a" : "span");
    if (href) {
      node.href = href;
    }
    node.textContent = tiles.attribution || "";
    holder.appendChild(node);
    return holder.innerHTML;
  }

  function popup(member) {
    var box = document.createElement("div");
    box.className = "members-map-popup";
    var title = document.createElement("strong");
    var href = safeHref(member.url);
    var link = document.createElement(href ? "a" : "span");
    if (href) {
      link.href = href;
    }
    link.textContent = member.title;
    title.appendChild(link);
    box.appendChild(title);
    if (member.kind_title) {
      var kind = document.createElement("div");
      kind.className = "members-map-popup-kind";
      kind.textContent = member.kind_title;
      box.appendChild(kind);
    }
    return box;
  }

  function placed(member) {
    return (
      typeof member.lat === "number" &&
      typeof member.lon === "number" &&
      isFinite(member.lat) &&
      isFinite(member.lon) &&
      Math.abs(member.lat) <= 90 &&
      Math.abs(member.lon) <= 180
    );
  }

  function init(panel) {
    var source = panel.querySelector("script.members-map-data");
    var canvas = panel.querySelector(".members-map-canvas");
    if (!source || !canvas || !window.L || !window.L.markerClusterGroup) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var L = window.L;
    canvas.hidden = false;
    var map = L.map(canvas, { scrollWheelZoom: false, keyboard: true });
    var leaflet = document.createElement("a");
    leaflet.href = "https://leafletjs.com";
    leaflet.textContent = "Leaflet";
    map.attributionControl.setPrefix(leaflet.outerHTML);
    var failed = panel.querySelector(".members-map-tiles-failed");
    var loaded = 0;
    var tiles = L.tileLayer(data.tiles.url, {
      maxZoom: 18,
      attribution: attribution(data.tiles),
    });
    tiles.on("tileload", function () {
      loaded += 1;
      failed.hidden = true;
    });
    tiles.on("tileerror", function () {
      if (!loaded) {
        failed.textContent = data.tiles_failed;
        failed.hidden = false;
      }
    });
    tiles.addTo(map);

    var markers = {};
    data.members.filter(placed).forEach(function (member) {
      var marker = L.marker([member.lat, member.lon], {
        title: member.title,
        alt: member.title,
        keyboard: true,
      });
      marker.bindPopup(popup(member));
      markers[member.uid] = { marker: marker, member: member };
    });
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
    map.addLayer(cluster);

    var network = panel.querySelector("select[name=network]");
    var kind = panel.querySelector("select[name=kind]");
    var status = panel.querySelector(".members-map-status");

    function matches(element) {
      var wantedKind = kind ? kind.value : "";
      var wantedNetwork = network ? network.value : "";
      if (wantedKind && element.getAttribute("data-kind") !== wantedKind) {
        return false;
      }
      var networks = (element.getAttribute("data-networks") || "").split(" ");
      return !wantedNetwork || networks.indexOf(wantedNetwork) !== -1;
    }

    function apply(fit) {
      var shown = 0;
      var onMap = [];
      panel.querySelectorAll(".members-map-member").forEach(function (item) {
        var visible = matches(item);
        item.hidden = !visible;
        if (visible) {
          shown += 1;
          var found = markers[item.getAttribute("data-uid")];
          if (found) {
            onMap.push(found.marker);
          }
        }
      });
      panel.querySelectorAll("ul.network-country-members").forEach(function (list) {
        var any = list.querySelector(".members-map-member:not([hidden])") !== null;
        list.hidden = !any;
        var heading = list.previousElementSibling;
        if (heading && heading.classList.contains("members-map-country")) {
          heading.hidden = !any;
        }
      });
      var empty = panel.querySelector(".members-map-empty");
      if (empty) {
        empty.hidden = shown > 0;
      }
      cluster.clearLayers();
      cluster.addLayers(onMap);
      status.textContent = data.status
        .replace("{shown}", String(shown))
        .replace("{placed}", String(onMap.length));
      if (fit) {
        if (onMap.length) {
          map.fitBounds(L.featureGroup(onMap).getBounds(), {
            padding: [48, 48],
            maxZoom: 12,
          });
        } else {
          map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
        }
      }
    }

    [network, kind].forEach(function (select) {
      if (select) {
        select.addEventListener("change", function () {
          apply(true);
        });
      }
    });
    var form = panel.querySelector("form.members-map-filters");
    if (form) {
      // The choices apply at once; the button is for pages without script.
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        apply(true);
      });
    }
    apply(true);
    panel.classList.add("members-map-ready");
  }

  function start() {
    document.querySelectorAll("section.members-map").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
