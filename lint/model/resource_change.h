#ifndef HUBLINT_MODEL_RESOURCE_CHANGE_H_
#define HUBLINT_MODEL_RESOURCE_CHANGE_H_

// ResourceChange: what a Terraform plan does to one resource, for rules that
// judge the change rather than the end state ("role escalated from member to
// owner", "repository made public"). Only a state read from a plan
// (lint/tfplan/plan_reader.h) carries changes; every other source leaves the
// `change` fields of the model empty.
//
// A change is not a fact about the organization: it is not part of the
// `hublint/state/v1` snapshot format (the writer leaves it out, the reader
// never sets it) and OrgState::SameFacts() ignores it.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hublint {

// One scalar attribute of a Terraform resource, before or after the change.
struct ChangeValue {
  enum class Kind : uint8_t {
    kNull,     // null in the plan
    kBool,     // `boolean`
    kNumber,   // `number`
    kString,   // `string`
    kUnknown,  // known only after apply (the plan's `after_unknown`)
    // Marked sensitive in the plan (`before_sensitive`/`after_sensitive`);
    // the value is withheld, never copied.
    kSensitive,
  };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;

  static ChangeValue Null() { return {}; }
  static ChangeValue Bool(bool b) { return {Kind::kBool, b, 0, {}}; }
  static ChangeValue Number(double n) { return {Kind::kNumber, false, n, {}}; }
  static ChangeValue String(std::string s) {
    return {Kind::kString, false, 0, std::move(s)};
  }
  static ChangeValue Unknown() { return {Kind::kUnknown, false, 0, {}}; }
  static ChangeValue Sensitive() { return {Kind::kSensitive, false, 0, {}}; }

  bool operator==(const ChangeValue&) const = default;
};

// The plan's `resource_changes[]` entry behind a resource of the state.
struct ResourceChange {
  // Terraform's actions, in the plan's order: {"create"}, {"update"},
  // {"no-op"}, {"delete"}, {"forget"}, and for a replacement
  // {"delete", "create"} or {"create", "delete"}. A resource of the state
  // never carries {"delete"}, since deleted resources are gone from the
  // state, except the organization settings, whose deletion turns the
  // control off (docs/terraform.md).
  std::vector<std::string> actions;
  // The resource's Terraform address, with module path and instance key:
  // `docker_org_member.bob`, `module.members.docker_org_member.this["alice"]`.
  std::string address;
  // The resource's scalar attributes (strings, booleans, numbers, null)
  // before and after the change, by attribute name as the provider spells
  // it (`role`, `private`, `expires_at`, ...). `before` is empty for a
  // creation, `after` for a deletion. Only attributes of the provider schema
  // hublint knows are copied, never one that holds a secret (`token`) and
  // never a value the plan marks sensitive (that becomes kSensitive).
  // Provider defaults are applied to `after` (an omitted `private` is false).
  std::map<std::string, ChangeValue> before;
  std::map<std::string, ChangeValue> after;

  // Whether `action` ("create", "update", "delete", ...) is among `actions`.
  bool Has(std::string_view action) const {
    for (const std::string& a : actions) {
      if (a == action) return true;
    }
    return false;
  }

  bool operator==(const ResourceChange&) const = default;
};

// A resource's change, shared and never modified once made: a pointer, null
// for every resource of a state not read from a plan, so that a million
// members do not each carry an empty ResourceChange (152 bytes).
using ChangePtr = std::shared_ptr<const ResourceChange>;

}  // namespace hublint

#endif  // HUBLINT_MODEL_RESOURCE_CHANGE_H_
