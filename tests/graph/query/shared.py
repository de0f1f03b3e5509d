"""What the query tests on the corpus graph share: parameters for every library query, and a row comparison."""

PARAMS = {"actor_events": {"actor": "NSS"}, "events_in_place": {"place": "Semipalatinsk"},
          "events_in_period": {"from": "2009-09", "to": "2009-12"}, "events_by_right": {"right": "freedom of religion"},
          "evidence": {"fact": "sr-finding-beatings"}, "neighbourhood": {"entity": "osce-chairmanship", "hops": "2"},
          "office_holders": {"date": "2022-01"}, "statement_sources": {"fact": "almaty-detention"},
          "claims_about": {"event": "almaty-ill-treatment"}}


def normalise(rows):
    return sorted(sorted((k, "; ".join(sorted(str(v).split("; ")))) for k, v in r.items()) for r in rows)
