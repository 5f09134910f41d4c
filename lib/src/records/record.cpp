#include "wellbeing/records/record.hpp"

#include <algorithm>

namespace wellbeing::records {

using document::append_pointer;
using document::Node;

const std::array<AreaInfo, 9> k_areas{{
    {"dignity", 'a', "Personal dignity", "personal dignity (including treatment of the individual with respect)"},
    {"health", 'b', "Health and emotional wellbeing", "physical and mental health and emotional well-being"},
    {"protection", 'c', "Protection from abuse and neglect", "protection from abuse and neglect"},
    {"control", 'd', "Control over day-to-day life",
     "control by the individual over day-to-day life (including over care and support provided and the way it is "
     "provided)"},
    {"participation", 'e', "Work, education, training or recreation",
     "participation in work, education, training or recreation"},
    {"social_economic", 'f', "Social and economic wellbeing", "social and economic well-being"},
    {"relationships", 'g', "Domestic, family and personal relationships",
     "domestic, family and personal relationships"},
    {"accommodation", 'h', "Suitability of living accommodation", "suitability of living accommodation"},
    {"contribution", 'i', "Contribution to society", "the individual's contribution to society"},
}};

const AreaInfo* find_area(std::string_view id_or_letter) {
  for (const AreaInfo& area : k_areas) {
    if (area.id == id_or_letter || (id_or_letter.size() == 1 && id_or_letter[0] == area.letter)) {
      return &area;
    }
  }
  return nullptr;
}

bool Item::suppresses(std::string_view rule) const {
  return std::any_of(suppress.begin(), suppress.end(), [&](const Suppression& s) { return s.rule == rule; });
}

namespace {

// The string under `key`, in place (the view's text is the document's), or "".
std::string_view text(const Node* node, std::string_view key) {
  const Node* value = node ? node->find(key) : nullptr;
  return value && value->is_string() ? std::string_view(value->as_string()) : std::string_view();
}

std::optional<util::Date> date(const Node* node, std::string_view key) {
  const Node* value = node ? node->find(key) : nullptr;
  return value && value->is_string() ? util::parse_date(value->as_string()) : std::nullopt;
}

std::vector<std::string_view> texts(const Node* node, std::string_view key) {
  std::vector<std::string_view> out;
  const Node* value = node ? node->find(key) : nullptr;
  if (value && value->is_string()) {
    out.push_back(value->as_string());
  }
  for (const Node& item : value ? value->items() : std::span<const Node>()) {
    if (item.is_string()) {
      out.push_back(item.as_string());
    }
  }
  return out;
}

std::optional<bool> boolean(const Node* node, std::string_view key) {
  const Node* value = node ? node->find(key) : nullptr;
  return value && value->is_bool() ? std::optional<bool>(value->as_bool()) : std::nullopt;
}

void read_item(Item& item, const Node& node, std::string pointer) {
  item.node = &node;
  item.mark = node.mark();
  item.pointer = std::move(pointer);
  item.id = text(&node, "id");
  if (const Node* suppress = node.find("suppress")) {
    for (const Node& entry : suppress->items()) {
      item.suppress.push_back(Suppression{text(&entry, "rule"), text(&entry, "reason")});
    }
  }
}

// Reads the list under `key`, one T per mapping item, with `fill` for the fields beyond the common ones.
template <typename T, typename Fill>
std::vector<T> read_list(const Node* parent, std::string_view key, const std::string& parent_pointer, Fill fill) {
  std::vector<T> out;
  const Node* list = parent ? parent->find(key) : nullptr;
  if (!list) {
    return out;
  }
  const std::string pointer = append_pointer(parent_pointer, key);
  std::size_t index = 0;
  for (const Node& node : list->items()) {
    if (node.is_mapping()) {
      T item;
      read_item(item, node, append_pointer(pointer, index));
      fill(item, node);
      out.push_back(std::move(item));
    }
    ++index;
  }
  return out;
}

Action read_action_fields(Action& action, const Node& node) {
  action.who = text(&node, "who");
  action.name = text(&node, "name");
  action.what = text(&node, "what");
  action.due = date(&node, "due");
  action.done = date(&node, "done");
  return action;
}

}  // namespace

const Review* Record::latest_review() const {
  const Review* latest = nullptr;
  for (const Review& review : reviews) {
    if (review.date && (!latest || !latest->date || *review.date > *latest->date)) {
      latest = &review;
    }
  }
  return latest;
}

const Area* Record::area(std::string_view id) const {
  for (const Area& area : areas) {
    if (area.info->id == id) {
      return &area;
    }
  }
  return nullptr;
}

Record read_record(const Node& root) {
  Record record;
  record.schema = text(&root, "schema");

  if (const Node* person = root.find("person"); person && person->is_mapping()) {
    Person& p = record.person;
    read_item(p, *person, "/person");
    p.known_as = text(person, "known_as");
    p.voice = text(person, "voice");
    p.support_started = date(person, "support_started");
    const Node* communication = person->find("communication");
    p.communication_needs = text(communication, "needs");
    p.communication_language = text(communication, "language");
    p.communication_formats = texts(communication, "formats");
    const Node* capacity = person->find("capacity");
    p.can_take_part = text(capacity, "can_take_part");
    p.capacity_date = date(capacity, "date");
    p.capacity_by = text(capacity, "by");
    p.capacity_note = text(capacity, "note");
    p.representatives = read_list<Representative>(person, "representatives", "/person", [](auto& r, const Node& n) {
      r.name = text(&n, "name");
      r.role = text(&n, "role");
      r.relationship = text(&n, "relationship");
      r.supports_with = text(&n, "supports_with");
    });
    p.important_to_me = texts(person, "important_to_me");
  } else {
    record.person.mark = root.mark();
    record.person.pointer = "/person";
  }

  const Node* areas = root.find("areas");
  for (std::size_t i = 0; i < k_areas.size(); ++i) {
    Area& area = record.areas[i];
    area.info = &k_areas[i];
    area.id = k_areas[i].id;
    area.pointer = append_pointer("/areas", area.id);
    area.mark = areas ? areas->mark() : root.mark();
    const Node* node = areas ? areas->find(area.id) : nullptr;
    if (!node || !node->is_mapping()) {
      continue;
    }
    read_item(area, *node, area.pointer);
    area.id = k_areas[i].id;
    area.present = true;
    area.status = text(node, "status");
    area.said = text(node, "said");
    area.has_views = node->find("views") != nullptr;
    area.views = read_list<View>(node, "views", area.pointer, [](auto& v, const Node& n) {
      v.date = date(&n, "date");
      v.said = text(&n, "said");
      v.by = text(&n, "by");
      v.representative = text(&n, "representative");
      v.judged_by = text(&n, "judged_by");
      v.how = text(&n, "how");
      v.from = texts(&n, "from");
    });
    if (!area.views.empty()) {
      area.said = area.views.back().said;
    } else if (!area.said.empty()) {
      View v1;
      v1.pointer = append_pointer(area.pointer, "said");
      v1.mark = node->find("said")->mark();
      v1.node = node->find("said");
      v1.said = area.said;
      area.views.push_back(std::move(v1));
    }
    if (const Node* importance = node->find("importance"); importance && importance->is_mapping()) {
      area.importance =
          Importance{text(importance, "level"),  text(importance, "said_by"),   text(importance, "representative"),
                     text(importance, "reason"), text(importance, "judged_by"), text(importance, "how"),
                     texts(importance, "from")};
    }
    if (const Node* concerns = node->find("concerns")) {
      area.concerns_present = true;
      area.concerns_none_raised = concerns->is_string() && concerns->as_string() == "none raised";
      if (!area.concerns_none_raised) {
        const std::string list_pointer = append_pointer(area.pointer, "concerns");
        std::size_t index = 0;
        if (concerns->is_string()) {
          area.all_concerns.push_back(Concern{concerns->as_string(), {}, {}, {}, list_pointer, concerns->mark()});
        }
        for (const Node& item : concerns->items()) {
          Concern c;
          c.pointer = append_pointer(list_pointer, index++);
          c.mark = item.mark();
          if (item.is_string()) {
            c.text = item.as_string();
          } else if (item.is_mapping()) {
            c.text = text(&item, "text");
            c.raised = date(&item, "raised");
            c.resolved = date(&item, "resolved");
            c.from = texts(&item, "from");
          } else {
            continue;
          }
          area.all_concerns.push_back(std::move(c));
        }
        for (const Concern& c : area.all_concerns) {
          if (!c.resolved && !c.text.empty()) {
            area.concerns.push_back(c.text);
          }
        }
      }
    }
    area.evidence = texts(node, "evidence");
    area.updated = date(node, "updated");
  }

  record.evidence = read_list<Evidence>(&root, "evidence", "", [](auto& e, const Node& n) {
    e.kind = text(&n, "kind");
    e.date = date(&n, "date");
    e.until = date(&n, "until");
    e.by = text(&n, "by");
    e.summary = text(&n, "summary");
    if (const Node* consulted = n.find("consulted")) {
      e.has_consulted = true;
      e.consulted_name = text(consulted, "name");
      e.consulted_role = text(consulted, "role");
      e.consulted_basis = text(consulted, "basis");
    }
    e.areas = texts(&n, "areas");
  });

  record.strengths = read_list<Strength>(&root, "strengths", "", [](auto& s, const Node& n) {
    s.level = text(&n, "level");
    s.text = text(&n, "text");
    s.areas = texts(&n, "areas");
  });

  record.outcomes = read_list<Outcome>(&root, "outcomes", "", [](auto& o, const Node& n) {
    o.kind = text(&n, "kind");
    o.said = text(&n, "said");
    o.status = text(&n, "status");
    if (const Node* history = n.find("history")) {
      for (const Node& change : history->items()) {
        o.history.push_back(
            StatusChange{date(&change, "date"), text(&change, "status"), text(&change, "by"), text(&change, "note")});
      }
    }
    o.areas = texts(&n, "areas");
    if (const Node* areas_node = n.find("areas")) {
      for (const Node& area : areas_node->items()) {
        o.area_marks.push_back(area.mark());
      }
    }
    o.opened = date(&n, "opened");
    o.met_on = date(&n, "met_on");
    o.who_acts = texts(&n, "who_acts");
    o.actions = read_list<Action>(&n, "actions", o.pointer, [](auto& a, const Node& an) { read_action_fields(a, an); });
    o.progress = read_list<ProgressNote>(&n, "progress", o.pointer, [](auto& p, const Node& pn) {
      p.date = date(&pn, "date");
      p.by = text(&pn, "by");
      p.note = text(&pn, "note");
    });
    o.service_can_meet = boolean(&n, "service_can_meet").value_or(true);
    if (const Node* referral = n.find("referral"); referral && referral->is_mapping()) {
      o.has_referral = true;
      o.referral_to = text(referral, "to");
      o.referral_date = date(referral, "date");
      o.referral_reference = text(referral, "reference");
    }
    o.review_request = text(&n, "review_request");
    o.safeguarding = texts(&n, "safeguarding");
    if (const Node* risk = n.find("risk_to_others"); risk && risk->is_mapping()) {
      o.has_risk_to_others = true;
      o.risk_description = text(risk, "description");
      o.risk_who = text(risk, "who_at_risk");
      o.risk_mitigation = text(risk, "mitigation");
      o.risk_agreed_on = date(risk, "agreed_on");
      o.risk_agreed_by = text(risk, "agreed_by");
    }
  });

  record.conversations = read_list<Conversation>(&root, "conversations", "", [](auto& c, const Node& n) {
    c.date = date(&n, "date");
    c.participants = texts(&n, "participants");
    c.led_by = text(&n, "led_by");
    c.approach = text(&n, "approach");
    c.accessible_format = text(&n, "accessible_format");
    c.areas = texts(&n, "areas");
    c.summary = text(&n, "summary");
    c.quotes = texts(&n, "quotes");
  });

  record.measures = read_list<Measure>(&root, "measures", "", [](auto& m, const Node& n) {
    m.date = date(&n, "date");
    m.instrument = text(&n, "instrument");
    m.licence = text(&n, "licence");
    m.by = text(&n, "by");
    m.note = text(&n, "note");
    if (const Node* ons4 = n.find("ons4"); ons4 && ons4->is_mapping()) {
      auto answer = [&](std::string_view key) {
        const Node* value = ons4->find(key);
        return value && value->is_integer() ? static_cast<int>(value->as_integer()) : -1;
      };
      m.ons4 = Ons4{answer("life_satisfaction"), answer("worthwhile"), answer("happy_yesterday"),
                    answer("anxious_yesterday")};
    }
    if (const Node* score = n.find("score"); score && score->is_number()) {
      m.score = score->as_number();
    }
  });

  record.reviews = read_list<Review>(&root, "reviews", "", [](auto& r, const Node& n) {
    r.date = date(&n, "date");
    r.type = text(&n, "type");
    r.review_request = text(&n, "review_request");
    r.attendees = texts(&n, "attendees");
    r.working = texts(&n, "working");
    r.not_working = texts(&n, "not_working");
    r.changes = texts(&n, "changes");
    r.next_review_due = date(&n, "next_review_due");
    r.absent_reason = text(&n, "absent_reason");
  });

  record.review_requests = read_list<ReviewRequest>(&root, "review_requests", "", [](auto& r, const Node& n) {
    r.date = date(&n, "date");
    r.requested_by = text(&n, "requested_by");
    r.reason = text(&n, "reason");
    r.sent_to = text(&n, "sent_to");
    r.reference = text(&n, "reference");
    r.status = text(&n, "status");
  });

  record.safeguarding = read_list<SafeguardingFlag>(&root, "safeguarding", "", [](auto& s, const Node& n) {
    s.date = date(&n, "date");
    s.closed_on = date(&n, "closed_on");
    s.type = text(&n, "type");
    s.person_wishes = text(&n, "person_wishes");
    s.action_taken = text(&n, "action_taken");
    s.referral_reference = text(&n, "referral_reference");
    s.no_referral_reason = text(&n, "no_referral_reason");
    s.status = text(&n, "status");
    s.areas = texts(&n, "areas");
  });

  record.sharing = read_list<SharingEntry>(&root, "sharing", "", [](auto& s, const Node& n) {
    s.date = date(&n, "date");
    s.with = text(&n, "with");
    s.what = text(&n, "what");
    s.basis = text(&n, "basis");
    s.by = text(&n, "by");
    s.consent_recorded = boolean(&n, "consent_recorded");
  });

  return record;
}

}  // namespace wellbeing::records
