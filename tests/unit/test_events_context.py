"""Acts that the sentence does not report as done: habits, states, what an accusation alleges,
dates; and whose act a call or a pronoun names."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tests.unit.test_events import events_of
from wirewatch.extractors.events import _main_verb_read_as_modifier


def coded(text, published="2024-06-14"):
    """(trigger, type, source, target, modality) of every event."""
    _, events = events_of(text, published)
    return [(word, e.type, e.source, e.target, e.modality) for e, word in events]


def triggers(text):
    return [word for word, *_ in coded(text)]


def test_what_an_accusation_alleges_in_a_second_clause_is_no_act():
    found = triggers("Opposition leaders accused the Kenyan government of rigging the vote and "
                     "allowing police to attack protesters.")
    assert "accused" in found
    assert "allowing" not in found and "attack" not in found


def test_a_habit_is_no_event():
    assert "conducts" not in triggers("Al-Shabab frequently conducts bombings in Somalia.")
    assert "bombings" not in triggers("Al-Shabab frequently conducts bombings in Somalia.")
    assert triggers("Al-Shabab conducted bombings in Somalia on Monday.")


def test_a_present_passive_relative_clause_is_a_state():
    text = ("The ship belongs to the Islamic Republic of Iran Shipping Lines, which was "
            "sanctioned by the U.S. Treasury Department in January.")
    assert "sanctioned" in triggers(text)  # a past act, with who acted
    text = ("The ship belongs to the Islamic Republic of Iran Shipping Lines, which is "
            "sanctioned by the U.S. Treasury Department.")
    assert "sanctioned" not in triggers(text)  # under sanctions, whoever imposed them
    text = "The ship belongs to the Islamic Republic of Iran Shipping Lines, which is sanctioned."
    assert "sanctioned" not in triggers(text)


def test_a_standing_state_that_an_act_violates_is_no_new_act():
    text = "North Korea is seeking arms from Russia, which would violate U.N. sanctions."
    assert "sanctions" not in triggers(text)


def test_a_when_clause_on_a_date_that_dates_a_state_is_no_new_act():
    text = ("Al-Shabab has fought Kenya since 2011, when the Kenyan government sent soldiers "
            "into Somalia.")
    assert "sent" not in triggers(text)


def test_conjoined_critics_do_not_criticize_each_other():
    found = coded("Earlier this week, he was criticized by Chinese, Russian and French "
                  "representatives at the Security Council.")
    assert all(target not in ("RUS", "FRA", "RUSGOV", "FRAGOV")
               for word, _, _, target, _ in found if word == "criticized")


def test_leaders_who_sign_a_treaty_sign_it_with_each_other():
    found = coded("Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov signed a "
                  "treaty of friendship.", published="1983-05-01")
    assert ("signed", "SUPPORT", "LBYELI", "BGRELI", "asserted") in found or any(
        w == "signed" and s and t and s[:3] == "LBY" and t[:3] == "BGR" for w, _, s, t, _ in found)


def test_the_one_called_on_to_act_is_the_one_who_acts():
    found = coded("The European Union called on Russia to withdraw its troops from Ukraine.")
    withdraw = [f for f in found if f[0] == "withdraw"]
    assert withdraw and withdraw[0][2][:3] == "RUS"


def test_an_object_pronoun_is_not_the_subject_that_acts_on_it():
    found = coded("President Biden kept sanctions in place on Russia and Iran to pressure them to "
                  "release American prisoners.")
    release = [f for f in found if f[0] == "release"]
    assert not release or release[0][2] not in ("USAGOV", "USA")


def test_a_rejected_request_of_another_actor_took_place():
    found = coded("The tribunal rejected Uganda's request to delay the hearing.")
    assert ("request", "DEMAND", "asserted") in [(w, t, m) for w, t, _, _, m in found]
    assert "allegations" not in triggers("Beijing denies the allegations.")


def test_sending_people_back_is_deportation():
    found = coded("Malaysia sent 20 Myanmar migrants back to Myanmar on Friday.")
    assert [(w, t) for w, t, *_ in found if w == "sent"] == [("sent", "COERCE")]


def test_an_act_that_recurs_each_year_is_a_habit():
    assert "pardons" not in triggers("Thailand's king pardons prisoners each year on royal "
                                     "holidays.")
    assert "pardoned" in triggers("Thailand's king pardoned 100 prisoners on Monday.")


def test_a_modal_on_a_state_of_mind_or_a_guess_at_the_past_demands_nothing():
    assert "understand" not in triggers("Turkey's foreign minister said U.S. lawmakers must "
                                        "understand they will get nowhere.")
    assert "given" not in triggers("The French ambassador said Gbagbo's government must have "
                                   "given the orders.")
    found = coded("The Egyptian president said the United States must be ready to mediate.")
    assert [t for w, t, *_ in found if w == "be"] == ["DEMAND"]
    found = coded("The German chancellor said Russia must withdraw its troops.")
    assert next(t for w, t, *_ in found if w == "withdraw") == "DEMAND"


def test_of_two_subjects_the_one_next_to_the_verb_acts():
    # a heading run into the sentence parses as a second subject
    found = coded("Recent attacks Since January, the Taliban have ramped up attacks on Afghan "
                  "security forces.", published="2020-06-01")
    attacks = [s for w, t, s, *_ in found if w == "attacks" and t == "ASSAULT"]
    assert attacks and attacks[-1] == "AFGREB"


def test_both_leaders_are_the_governments_of_the_last_two_countries():
    found = coded("India and Mauritius upgraded their ties on Tuesday. Both leaders also signed "
                  "a treaty.")
    assert ("signed", "SUPPORT", "INDGOV", "MUSGOV", "asserted") in found


def test_an_attribute_or_a_thing_that_allows_is_no_act():
    assert "backed" not in triggers("The Iran-backed Houthis fired missiles at ships.")
    assert "allows" not in triggers("A provision in the law allows the French minister to "
                                    "expel foreigners.")
    assert "allowed" in triggers("The Israeli government allowed journalists to enter Gaza.")


def test_people_killed_held_or_counted_with_no_actor_named_are_civilians_of_the_place():
    found = coded("Pakistani troops killed 30 people in Quetta on Monday.")
    assert ("killed", "ASSAULT", "PAKMIL", "PAKCVL", "asserted") in found
    found = coded("Two Palestinian bombers killed 23 people in Tel Aviv on Sunday.")
    assert [t for w, _, _, t, _ in found if w == "killed"] == ["ISRCVL"]
    found = coded("Kenyan police killed one person and arrested 12 in Nairobi on Monday.")
    assert ("arrested", "COERCE", "KENCOP", "KENCVL", "asserted") in found
    found = coded("Nigerian authorities jailed 52 members of a banned movement in Lagos.")
    assert [t for w, _, _, t, _ in found if w == "jailed"] == ["NGACVL"]


def test_a_stance_in_the_passive_is_taken_by_its_subject():
    found = coded("Israel is opposed to French mediation in the talks, an aide said.")
    assert ("opposed", "REJECT", "ISR", "FRA", "asserted") in found


def test_a_day_after_on_is_not_the_one_called_on_to_act():
    found = coded("European Union foreign ministers agreed on Saturday to provide aid to Romania.")
    assert [(s, t) for w, _, s, t, _ in found if w == "provide"] == [("IGOEUR", "ROU")]


def test_the_target_of_a_later_conjoined_object_and_of_an_act_by_someone():
    found = coded("Vietnamese forces launched artillery, mortar and rocket fire against Cambodian "
                  "guerrilla camps.", published="1985-03-01")
    assert [t for w, _, _, t, _ in found if w == "launched"] == ["KHMREB"]
    found = coded("Albania on Monday condemned as a brutal crime Serbia's suppression of the "
                  "protests.", published="1999-03-01")
    assert ("condemned", "DISAPPROVE", "ALB", "SRB", "asserted") in found
    found = coded("Palestinian youths staged demonstrations against violations by the Israeli "
                  "military.")
    assert [t for _, kind, _, t, _ in found if kind == "PROTEST"] == ["ISRMIL"]


def test_a_person_acted_on_is_never_the_doer():
    found = coded("A prominent Lebanese journalist has been killed in a car bomb explosion in "
                  "Beirut.")
    assert [s for w, _, s, _, _ in found if w == "killed"] == [None]


def test_being_critical_of_someone_is_criticism():
    found = coded("Many Chagossians are also critical of the British government's agreement.")
    assert ("critical", "DISAPPROVE", "IOTCVL", "GBRGOV", "asserted") in found


def test_idioms_of_the_courts_and_the_police():
    found = coded("Kenyan parents took the Kenyan government to court and won.")
    assert [t for w, t, *_ in found if w == "took"] == ["DISAPPROVE"]
    found = coded("Moroccan police broke up a terrorist cell in Tangier on Monday.")
    assert [(t, s) for w, t, s, *_ in found if w == "broke"] == [("COERCE", "MARCOP")]
    assert "broke" not in triggers("Moroccan police broke up the crowd's silence.")


def test_punitive_measures_against_a_country_but_not_the_threat_of_them():
    found = coded("Canberra pointed to China's punitive measures against Australia last year.")
    assert ("measures", "COERCE", "CHN", "AUS") in [f[:4] for f in found]
    assert "measures" not in triggers("Investors were unmoved by the threat of new measures "
                                      "against Turkey.")


def test_a_wrong_a_speaker_says_someone_does_is_an_accusation():
    found = coded("Rights groups say the deportation violates Thailand's treaty obligations.")
    assert ("violates", "DISAPPROVE", "NGOHRI", "THA", "asserted") in found
    assert "violated" not in triggers("The Kenyan court must show the person violated "
                                      "immigration laws.")


def test_where_an_act_happens_is_not_what_it_acts_on():
    assert "returned" not in triggers("The Guatemalan journalist returned to prison in "
                                      "Guatemala City on Monday.")
    found = coded("Israel returned the town to Lebanese control in 2000.")
    assert ("returned", "RETREAT", "ISR", "LBN", "asserted") in found
    assert "struck" not in triggers("The Italian government struck on the idea of a travel "
                                    "pass.")


def test_a_pair_of_leaders_is_never_an_international_body():
    found = coded("Turkey and Russia spoke at the United Nations. The two presidents are "
                  "cooperating closely in Syria.")
    pairs = [(s, t) for w, _, s, t, _ in found if w == "cooperating"]
    assert pairs and all(not (code or "").startswith("IGO") for pair in pairs for code in pair)


def test_a_passive_participle_without_its_auxiliary_acts_on_the_subject():
    found = coded("One of the Islamic State group's senior leaders is dead, killed in an Iraqi "
                  "airstrike.")
    assert [s for w, _, s, _, _ in found if w == "killed"] == ["IRQ"]  # the strike's doer
    found = coded("One of the Islamic State group's senior leaders is dead, killed in an "
                  "airstrike.")
    assert [s for w, _, s, _, _ in found if w == "killed"] == [None]
    found = coded("Somali troops advanced on the town, supported by Ethiopian aircraft.")
    assert ("supported", "SUPPORT", "ETH", "SOMMIL", "asserted") in found


def test_conjoined_passives_share_their_agent():
    found = coded("The Kenyan journalist was arrested and jailed by Kenyan police.")
    assert [(w, s, t) for w, _, s, t, _ in found] == [
        ("arrested", "KENCOP", "KENMED"), ("jailed", "KENCOP", "KENMED")]


def test_calling_an_act_a_crime_accuses_its_doer():
    found = coded("The United Nations says China's treatment of the Uyghurs may amount to "
                  "crimes against humanity.")
    assert ("amount", "DISAPPROVE", "IGOUNO", "CHN", "asserted") in found
    assert "amount" not in triggers("The United Nations says China's aid may amount to "
                                    "$2 billion.")


def test_who_acts_in_a_deal_on_doing_something_is_who_makes_the_deal():
    found = coded("Britain is seeking to finalize a deal on handing sovereignty of the Chagos "
                  "Islands to Mauritius.")
    assert [(t, s) for w, t, s, *_ in found if w == "handing"] == [("RETREAT", "GBR")]


def test_a_gerund_passive_acts_on_no_one_named_by_another_clause():
    found = coded("Rights groups say Thailand deports people to countries where they face a "
                  "good chance of being abused or tortured.")
    assert all(s is None for w, _, s, _, _ in found if w == "tortured")


def test_a_warning_that_the_speaker_will_act_is_aimed_at_whom_the_act_is_done_to():
    found = coded("The United States warned Wednesday that it will continue to exert maximum "
                  "pressure on Iran.")
    assert ("warned", "THREATEN", "USA", "IRN", "asserted") in found


def test_a_report_put_after_its_content_is_made_by_its_speaker():
    found = coded("Kenyan police officers sexually abused detained protesters with impunity, a "
                  "human rights organization charged on Saturday.")
    assert [(s, t) for w, _, s, t, _ in found if w == "charged"] == [("NGOHRI", "KENCOP")]
    found = coded("Croatian authorities are failing to protect Serb refugees, a human rights "
                  "group protested on Wednesday.")
    assert ("protested", "DISAPPROVE", "NGOHRI", "HRVGOV", "asserted") in found


def test_a_complaint_is_aimed_at_whom_it_is_about_not_to_whom_it_is_made():
    found = coded("Lebanon complained to the United Nations on Tuesday over two Israeli air "
                  "raids.")
    assert [(s, t) for w, _, s, t, _ in found if w == "complained"] == [("LBN", "ISR")]


def test_a_countrys_partners_are_not_the_country():
    found = coded("Greece demanded that its European Union partners refuse to recognize "
                  "Macedonia.")
    assert [(s, t) for w, _, s, t, _ in found if w == "demanded"] == [("GRC", "IGOEUR")]


def test_a_reluctance_is_a_refusal_of_what_it_would_do_and_to_whom():
    found = coded("The Kremlin signaled its reluctance to fully endorse the U.S. proposal.")
    assert [(w, t, s, tg) for w, t, s, tg, _ in found] == [
        ("reluctance", "REJECT", "RUSGOV", "USA")]


def test_what_an_act_is_done_for_is_no_act_of_its_own():
    found = coded("India and Mauritius upgraded ties. Both leaders signed eight pacts to boost "
                  "cooperation in maritime security.")
    assert "signed" in [w for w, *_ in found] and "cooperation" not in [w for w, *_ in found]


def test_a_force_leaves_from_where_it_withdraws_and_the_country_is_the_storys():
    found = coded("The Taliban praised the ongoing withdrawal of U.S. troops from Afghanistan.",
                  published="2021-06-01")
    assert ("withdrawal", "RETREAT", "USAMIL", "AFG", "asserted") in found
    found = coded("Afghan officials met in Kabul on Monday. Afghanistan's army chief spoke. The "
                  "Taliban praised the withdrawal of U.S. troops from the country.",
                  published="2021-06-01")
    assert [(s, t) for w, _, s, t, _ in found if w == "withdrawal"] == [("USAMIL", "AFG")]


def test_a_main_verb_parsed_as_a_modifier_of_the_noun_before_it_has_that_noun_act():
    found = coded("An official Syrian newspaper called Thursday on Arabs to unite against "
                  "Israel.")
    assert [s for w, t, s, *_ in found if w == "called"] == ["SYRMED"]
    assert [t for w, _, _, t, _ in coded("A Kenyan journalist arrested last week.")
            if w == "arrested"] == ["KENMED"]


def test_a_concession_made_in_a_place_with_no_one_named_is_aimed_at_its_country():
    found = coded("Serbia eased emergency measures on Wednesday in Montenegro.")
    assert [t for w, _, _, t, _ in found if w == "eased"] == ["MNE"]


def test_a_law_is_a_thing_whoevers_it_is():
    assert "allows" not in triggers("The new Egyptian law bans protests and allows the police "
                                    "to detain organisers.")


def test_protesters_no_actor_names_are_the_people_of_where_they_protest():
    found = coded("Thousands protested in Nairobi on Monday.")
    assert ("protested", "PROTEST", "KENCVL", "KENGOV", "asserted") in found
    assert "rallies" not in triggers("Pakistan lifted a ban on public rallies in Karachi.")
    assert "threaten" not in triggers("A Somali senator urged the president to avoid "
                                      "decisions that threaten Somalia's stability.")
    assert "threatened" in triggers("Druze inhabitants of the Syrian Golan Heights threatened "
                                    "to strike unless Israel rescinded the annexation.")


def test_no_rule_makes_an_actor_act_on_itself():
    found = coded("Pakistani passengers said the gunmen boarded in Quetta. “They shot and "
                  "killed people on the train,” a Pakistani passenger said.")
    assert all(s is None or s != t for _, _, s, t, _ in found)


def test_states_wishes_and_rephrasings_are_no_acts():
    assert "jailed" not in triggers("Her clients include jailed Chinese publisher Jimmy Lai.")
    assert "close" not in triggers("While Kenya wants to close the camps, residents say they "
                                   "have nowhere to go.")
    assert "detention" not in triggers("The Kenyan journalist had been in pretrial detention "
                                       "since September 30.")
    assert "allowed" not in triggers("He came during the Chinese Exclusion Act, which allowed "
                                     "Chinese merchants into the country.")
    assert "say" not in triggers("The United States will not leave Australia alone on the "
                                 "field, or maybe I should say alone on the pitch, Blinken said.")
    assert "arrested" in triggers("Kenyan police arrested the journalist on Monday.")
    assert "upgrade" not in triggers("VOA: Do you think Taiwan should upgrade its military "
                                     "assets?")


def test_conjoined_doers_of_a_mutual_act_on_their_own_ties_act_on_each_other():
    assert ("upgraded", "SUPPORT", "IND", "MUS", "asserted") in coded(
        "India and Mauritius have upgraded their ties, leaders of both countries said.")


def test_officials_of_several_countries_are_each_countrys_officials():
    assert ("met", "CONSULT", "JPNGOV", "KORGOV", "asserted") in coded(
        "The leaders of Japan and South Korea met in Tokyo on Friday.")
    assert ("talks", "CONSULT", "IRNGOV", "IRQGOV", "asserted") in coded(
        "Foreign ministers of Iran and Iraq held talks in Baghdad on Monday.")


def test_a_deal_struck_is_an_agreement_not_a_blow():
    assert ("struck", "AGREE", "ISR", "PSEREB", "asserted") in coded(
        "Israel and Hamas struck a deal on Sunday.")
    assert ("struck", "ASSAULT", "RUS", "UKRGOV", "asserted") in coded(
        "Russia struck Kyiv with missiles on Monday.")


def test_questioning_a_decision_is_no_interrogation():
    assert "questioning" not in triggers(
        "American analysts are questioning the decision to act against Berisha.")


def test_an_attack_that_kills_struck_whom_it_killed():
    assert ("Airstrikes", "ASSAULT", "SOMMIL", "IMGSHB", "asserted") in coded(
        "Airstrikes by the Somali army have killed at least 50 al-Shabab militants.")


def test_people_an_armed_group_kills_are_civilians_of_the_storys_country():
    assert ("killed", "ASSAULT", "IMGSHB", "SOMCVL", "asserted") in coded(
        "Somalia's army has been fighting al-Shabab for years. In a statement, the group "
        "said it had killed more than 10 people.")


def test_an_act_hung_on_a_relative_clause_that_would_be_done_to_its_doer_is_the_outer_doers():
    found = coded("Security forces in Somalia say they killed all six attackers who laid siege "
                  "to a hotel and later killed at least 50 al-Shabab militants in airstrikes.")
    assert [(s, t) for w, _, s, t, _ in found if w == "killed"] == [
        ("SOMMIL", "IMGSHB"), ("SOMMIL", "IMGSHB")]


def test_an_infinitives_to_is_no_word_of_a_pattern():
    assert coded("Malaysia hopes to get concessionary loans for its projects.") == []
    assert coded("The United Nations worked to get aid to Malawi.")[0][:4] == (
        "get", "AID", "IGOUNO", "MWI")


def test_others_harmed_with_those_named_are_of_their_kind():
    assert coded("A suicide bomber attacked a military convoy in Pakistan, killing one "
                 "security worker and injuring four others.", "2025-03-12")[-1][:4] == (
        "injuring", "ASSAULT", "PAKREB", "PAKMIL")


def test_whom_a_verb_of_asking_asks_does_its_purpose_clause():
    assert ("abandon", "RETREAT", "IGOEUR", None, "hypothetical") in coded(
        "Wang Wentao met officials in Belgium to lobby the EU to abandon the tariffs.")


def test_whom_talks_told_something_to_is_whom_they_were_with():
    assert coded("Both Mexican President Claudia Sheinbaum and Canadian Prime Minister Justin "
                 "Trudeau told Trump in phone conversations that they had made strides.",
                 "2025-03-10")[0][:4] == ("conversations", "CONSULT", "MEXGOV", "USAGOV")
    assert coded("Trump told British Prime Minister Keir Starmer during the visit on Feb. 27 "
                 "that the deal was good.", "2025-03-10")[0][:4] == (
        "visit", "CONSULT", "USAGOV", "GBRGOV")
    assert [t for w, _, s, t, _ in coded(
        "During a visit to Quetta on Thursday, Pakistan's Prime Minister Shehbaz Sharif told "
        "media that 339 passengers were rescued.", "2025-03-13") if w == "visit"] == [None]


def test_who_was_killed_after_a_violent_act_in_one_sentence_was_killed_by_its_doer():
    assert coded("Haitian police opened fire and two protesters were killed.")[-1][:4] == (
        "killed", "ASSAULT", "HTICOP", "HTIOPP")


def test_attacks_claimed_strike_whom_the_claim_says_they_targeted():
    assert coded("Since last August, BLA has claimed responsibility for several deadly attacks "
                 "in Pakistan, primarily targeting security forces.", "2025-03-10") == [
        ("attacks", "ASSAULT", "PAKREB", "PAKMIL", "asserted")]


def test_those_on_board_are_whom_the_vehicle_carried():
    found = coded("BLA insurgents in Pakistan ambushed a bus transporting a paramilitary "
                  "force and killed 18 of those on board.", "2025-03-12")
    assert ("killed", "ASSAULT", "PAKREB", "PAKMIL", "asserted") in found
    assert ("killed", "ASSAULT", "PAKUAF", "PAKCVL", "asserted") in coded(
        "Gunmen in Pakistan attacked a train and killed 18 of those on board.", "2025-03-12")


def test_the_group_is_the_body_named_before_not_people_it_spoke_of():
    assert ("gave", "THREATEN", "PAKREB", "PAKGOV", "asserted") in coded(
        "The Baloch Liberation Army demanded the release of political prisoners held in "
        "Pakistan. In a statement, the group gave authorities 48 hours to comply.",
        "2025-03-12")


def test_who_prevents_an_act_does_not_do_it():
    # an embassy in Nairobi is no Kenyan one: the attack is aimed at the country it was in
    found = coded("Kenyan police foiled a plot to attack the embassy in Nairobi.")
    assert ("attack", "ASSAULT", None, "KEN", "negated") in found
    assert ("attacks", "ASSAULT", "KEN", "SOM", "negated") in coded(
        "Kenya halted its attacks on Somalia.")


def test_an_inquiry_or_aid_somewhere_with_no_one_named_is_aimed_at_its_country():
    assert ("investigation", "INVESTIGATE", "IGOUNO", "IRN", "asserted") in coded(
        "U.N. inspectors began an investigation in Iran on Monday.")


def test_forces_mobilized_for_a_war_against_a_country_are_aimed_at_it():
    assert ("mobilized", "MOBILIZE", "GBR", "IRQ", "asserted") in coded(
        "Britain mobilized army reservists for a possible war against Iraq on Tuesday.")


def test_a_share_of_something_stands_for_it_as_what_is_acted_on():
    assert ("suspended", "SANCTION", "USA", "BIH", "asserted") in coded(
        "The United States suspended part of a military aid program for Bosnia on Friday.")


def test_officials_named_by_several_countries_before_or_after_are_each_countrys():
    assert ("met", "CONSULT", "CMRGOV", "CAFGOV", "asserted") in coded(
        "Last week, Cameroon and C.A.R. officials met in Bangui.")
    assert ("meet", "CONSULT", "USAGOV", "CHNGOV", "hypothetical") in coded(
        "Rubio said he believes leaders from the U.S. and China will meet at some point.")


def test_a_party_speaks_of_talks_with_the_other():
    assert ("discussions", "CONSULT", "PAK", "IGOIMF", "asserted") in coded(
        "Pakistan said Sunday that discussions with the International Monetary Fund to "
        "secure a new loan program are progressing well.")


def test_expelling_a_population_is_a_mass_expulsion_and_a_diplomat_a_sanction():
    assert ("expelled", "ASSAULT", "GBR", None, "asserted") in coded(
        "Britain expelled the islanders to make way for the base.")
    assert ("expelled", "SANCTION", "RUS", "GBRGOV", "asserted") in coded(
        "Russia expelled two British diplomats on Monday.")


def test_a_trip_needs_a_destination_and_a_trip_that_begins_begins_no_trip():
    assert ("trip", "CONSULT", "INDGOV", "MUS", "asserted") in coded(
        "Modi's trip to Mauritius began on Monday.")
    assert "began" not in triggers("Modi's trip to Mauritius began on Monday.")
    assert "trips" not in triggers(
        "Women are not allowed to undertake road trips in Afghanistan.")


def test_a_thing_that_blocks_or_declines_does_no_act():
    assert "declined" not in triggers("Japan's population declined for the tenth year.")
    assert ("blocked", "REJECT", "RUS", None, "asserted") in coded(
        "Russia blocked the resolution at the U.N. Security Council.")
    assert "admitted" not in triggers("He was admitted to hospital in Kenya on Monday.")


def test_civilians_killed_are_the_ones_acted_on():
    assert ("killed", "ASSAULT", None, "IRQCVL", "asserted") in coded(
        "At least three Iraqi civilians have been killed in a suicide car bombing in "
        "central Baghdad, Iraqi police said.")


def test_what_talks_are_about_and_what_someone_is_interested_in_are_no_acts():
    assert "agreed" not in triggers(
        "We discussed imposing further costs on Russia in case such a ceasefire is not agreed.")
    assert "support" not in triggers(
        "I look forward to discussing how we can continue to support Ukraine.")
    assert "talking" not in triggers(
        "I see no signs that the North Koreans are interested in talking to the U.S.")
    # what a plan lists is its content, not an act done
    assert "relaxing" not in triggers("The European Commission proposed a defense plan. It "
                                      "includes relaxing fiscal rules for Germany.")
    # but what a visit includes is part of it
    assert "meeting" in triggers("The Japanese prime minister's visit will include meeting "
                                 "Indian Prime Minister Narendra Modi.")


def test_the_penalty_of_an_ultimatum_is_a_threat_against_whom_it_is_put_to():
    found = coded("Top diplomats from the Group of Seven urged Russia on Friday to accept a "
                  "ceasefire or face the possibility of additional sanctions.")
    assert ("sanctions", "THREATEN", "IGOG7", "RUS", "asserted") in found
    assert ("urged", "DEMAND", "IGOG7", "RUS", "asserted") in found


def test_opposition_met_with_is_a_refusal_not_a_meeting():
    assert ("opposition", "REJECT", "RUSGOV", None, "asserted") in coded(
        "The plan met with strong opposition from Russia's foreign ministry on Monday.")
    # the opposition as a party stays one
    assert ("protested", "PROTEST", "KENOPP", "KEN", "asserted") in coded(
        "Kenya's opposition leaders protested in Nairobi.")


def test_a_charge_that_stands_and_a_wish_are_no_acts():
    assert triggers("Two Iranian men stand accused of the 2004 bombing of a synagogue in "
                    "Argentina.") == []
    assert "host" not in triggers("Kenya wants to host talks with Somalia.")
    assert "talks" not in triggers("Lawmakers in Seoul wish that talks with Japan would resume.")
    # what happened since a state began is an act
    assert "deported" in triggers("Eight Uyghurs remain in Thailand's custody since the "
                                  "authorities deported 40 others to China last month.")
    assert ("accused", "DISAPPROVE", None, "IRN", "asserted") in coded(
        "Prosecutors accused two Iranian men of the 2004 bombing of a synagogue in Argentina.")


def test_a_general_truth_and_a_requirement_met_are_no_acts():
    assert triggers("So, to collaborate with a terrorist is making you a terrorist, he said.") \
        == []
    assert "meet" not in triggers(
        "Ankara says it may turn to Moscow to meet its defense requirements.")
    assert ("meet", "CONSULT", "RUSGOV", "CHNGOV", "planned") in coded(
        "Putin will meet Xi in Beijing on Friday.")
    assert triggers("Two Ivorian soldiers and a mercenary from Belarus stand accused of the "
                    "2004 bombing of the French army base near Bouake.") == []


def test_a_passive_agent_hung_on_an_object_or_a_participle_is_the_doer():
    assert ("threatened", "THREATEN", "CHN", None, "asserted") in coded(
        "Many democracies have been threatened with economic consequences by China.")
    assert ("backed", "COOPERATE", "DJIMIL", "SOMMIL", "asserted") in coded(
        "Somali security forces backed by Djiboutian soldiers surrounded the hotel.")


def test_a_charge_rejected_at_the_end_of_a_sentence_answers_the_main_clause():
    assert ("rejected", "REJECT", "INDGOV", "PAKGOV", "asserted") in coded(
        "Pakistani officials blamed India for the attack, a charge New Delhi quickly rejected.")


def test_rooting_out_fighters_is_force_and_rooting_out_corruption_is_not():
    assert ("flushed", "ASSAULT", "NGAMIL", "NGAREB", "asserted") in coded(
        "Nigerian troops flushed out Boko Haram fighters from the forest.")
    assert triggers("The Kenyan government vowed to root out corruption.") == []


def test_the_act_set_against_the_one_taken_is_no_act():
    assert triggers("Russia chose to negotiate with Ukraine rather than attack Kyiv.") \
        == ["negotiate"]
    assert triggers("Instead of attacking the rebels, the Nigerian army withdrew from "
                    "Maiduguri.") == ["withdrew"]
    assert triggers("China would rather sanction American firms than negotiate with "
                    "Washington.") == ["sanction"]
    assert triggers("The Chinese government is more interested in trade than in protecting "
                    "human rights in Tibet.") == []
    # "more than" counting the act's objects leaves the act as it is
    assert triggers("The Nigerian army attacked the rebels in more than 20 villages.") \
        == ["attacked"]


def test_what_an_act_is_done_in_an_effort_to_do_is_no_act_of_its_own():
    assert triggers("North Korea tested missiles in an effort to pressure the United "
                    "States.") == ["tested"]
    # an attempt foiled is the attempted act, not a purpose
    assert "assassinate" in triggers("Police foiled an attempt to assassinate the president "
                                     "of Ecuador.")


def test_who_perceives_or_undergoes_an_act_is_not_its_doer():
    # the hearers and the confirmer name no one who fired or killed: no event of the ledger
    assert triggers("Residents of Yangon hear gunfire at night, Myanmar's opposition said.") \
        == []
    assert triggers("U.S. President Donald Trump later confirmed al-Rufayi's killing in a "
                    "post.") == []
    # a reference to earlier acts is no act
    assert triggers("The Turkish economy is recovering from a crash triggered by previous "
                    "U.S. sanctions.") == []


def test_who_undergoes_an_act_is_its_target():
    assert coded("Kenyan troops survived an ambush by al-Shabab near the border.")[0][1:4] \
        == ("ASSAULT", "IMGSHB", "KENMIL")
    assert coded("The Nigerian army suffered heavy attacks by Boko Haram.")[0][1:4] \
        == ("ASSAULT", "NGAREB", "NGAMIL")
    assert coded("At least 21 Pakistani passengers died in the attack by the BLA.")[0][1:4] \
        == ("ASSAULT", "PAKREB", "PAKCVL")


def test_an_event_noun_named_by_an_earlier_year_is_a_reference():
    assert triggers("A trial opened in Paris over the 2004 bombing of a French military base "
                    "in Ivory Coast.") == []
    # a year of the last two is news still, and a verb's year dates the act it reports
    assert coded("Russia launched a new offensive in 2024.")[0][:2] == ("launched", "ASSAULT")


def test_a_measure_of_an_event_noun_stands_for_it_in_its_clause():
    assert ("talks", "CONSULT", "USAGOV", "UKRGOV", "asserted") in coded(
        "Secretary of State Marco Rubio led more than eight hours of peace talks with "
        "Ukrainian officials in Jeddah.", published="2025-03-12")
    assert ("strikes", "ASSAULT", "RUS", "UKR", "asserted") in coded(
        "Russia launched a wave of strikes on Ukraine's energy grid.")


def test_a_habit_a_purpose_and_a_tally_are_no_acts():
    assert triggers("The al-Shabab group mainly targets Kenyan security vehicles.") == []
    assert triggers("Al-Shabab sometimes attacks Kenyan police posts.") == []
    assert "attacked" in triggers("Al-Shabab attacked Kenyan police posts on Monday.")
    assert "push" not in triggers(
        "He said Washington should use sanctions against Hong Kong officials as a way to push "
        "for the release of Jimmy Lai.")
    assert triggers("The Baloch Liberation Army launched 504 attacks in 2024, a report said.") \
        == []
    assert "launched" in triggers("Russia launched 120 drone attacks on Ukraine on Tuesday.")


def test_an_event_noun_set_in_an_earlier_period_is_a_reference():
    assert "occupation" not in triggers(
        "Photographs depicted life under the Japanese occupation in the early 20th century.")
    assert ("talks", "CONSULT", "RUS", "UKR", "asserted") in coded(
        "Russia held talks with Ukraine in 2019.")


def test_who_is_freed_from_prison_is_the_target():
    assert ("freed", "RETREAT", None, "KHMMED", "asserted") in coded(
        "Cambodian journalist Mech Dara thanked his supporters Thursday after being freed "
        "from prison.")


def test_a_strike_that_kills_is_military():
    assert ("strike", "ASSAULT", "RUS", "UKRCVL", "asserted") in coded(
        "The Russian strike killed 12 Ukrainian civilians.")
    assert ("strike", "ASSAULT", None, "YEMREB", "asserted") in coded(
        "The strike targeted Houthi fighters in Yemen.")
    strikes = [kind for t, kind, *_ in coded("Teachers in Kenya went on strike on Monday.")
               if t == "strike"]
    assert strikes == ["PROTEST"]


def test_what_media_report_is_hedged_and_a_dated_would_is_planned():
    assert ("offered", "AGREE", "AUS", "CHNCVL", "hedged") in coded(
        "The Reuters news agency has reported that Australia, Canada and the United States all "
        "offered to resettle the Uyghurs.")
    assert ("killed", "ASSAULT", "KENMIL", "IMGSHB", "asserted") in coded(
        "The Kenyan army reported that its troops killed 30 al-Shabab fighters.")
    tariffs = [m for t, _, _, _, m in coded(
        "The president said the doubled U.S. steel and aluminum tariffs would take effect "
        "Wednesday morning.", published="2025-06-02") if t == "tariffs"]
    assert tariffs == ["planned"]
    assert ("attack", "ASSAULT", "IRN", "ISR", "hypothetical") in coded(
        "Officials said Iran would probably attack Israel on Friday.")


def test_an_act_yet_to_come_names_its_doer():
    assert triggers("Aid could be sent to Haiti next month.") == []
    assert ("send", "AID", "CAN", "HTI", "hypothetical") in coded(
        "Canada could send aid to Haiti next month.")
    assert ("Providing", "AID", None, "UKR", "negated") in coded(
        "Providing arms to Ukraine is not being discussed.")


def test_an_actor_before_a_hyphen_is_read_and_two_joined_so_are_the_parties():
    assert ("accept", "AGREE", "RUS", "USA", "hypothetical") in coded(
        "The G7 urged Russia to accept a U.S.-proposed ceasefire.")
    assert ("talks", "CONSULT", "USA", "CHN", "asserted") in coded(
        "U.S.-China talks resumed in Geneva.")


def test_a_person_pronoun_and_a_topic_are_not_the_organisation_that_speaks():
    assert ("trip", "CONSULT", None, "TWN", "asserted") in coded(
        "VOA spoke with Armitage about his trip to Taiwan.")
    assert ("discussions", "CONSULT", "PAK", "IGOIMF", "asserted") in coded(
        "Pakistan said discussions with the IMF are progressing.")


def test_where_people_are_sent_is_no_party():
    assert ("deported", "COERCE", "USA", "VENCVL", "asserted") in coded(
        "The U.S. deported 200 Venezuelans to El Salvador.")
    assert ("deported", "COERCE", "THAGOV", "CHNCVL", "asserted") in coded(
        "Thai authorities deported 40 others to China last month.")
    assert ("extradited", "COOPERATE", "COL", "USA", "asserted") in coded(
        "Colombia extradited a suspected drug trafficker to the United States.")


def test_what_is_tried_for_a_purpose_and_what_attacks_mainly_do_are_no_acts():
    assert triggers("Sheinbaum sent 10,000 Mexican troops to the border with the U.S. to try "
                    "to curb the flow of fentanyl.") == ["sent"]
    assert "targeting" not in triggers(
        "The BLA has claimed several deadly attacks, primarily targeting Pakistani security "
        "forces.")
    assert "cooperate" not in triggers(
        "Analysts say foreign influencers who cooperate with the Chinese government earn money.")


def test_who_receives_a_territory_is_the_target():
    assert ("handing", "RETREAT", "GBR", "MUS", "planned") in coded(
        "Britain is seeking to finalize a deal on handing sovereignty of the Chagos Islands to "
        "Mauritius.")


def test_the_court_and_the_outlet_are_the_ones_named_before():
    assert ("regrets", "DISAPPROVE", "IGOICJ", "KEN", "asserted") in coded(
        "Kenya refused to attend a hearing at the International Court of Justice. 'The court "
        "regrets the decision of Kenya not to participate,' she said.")
    assert ("imposed", "COERCE", "AFGGOV", "USAMED", "asserted") in coded(
        "Taliban officials do not respond to VOA queries because they have imposed a ban on "
        "the media outlet.")


def test_what_is_discussed_and_how_one_retaliates_are_not_the_act():
    assert ("discussed", "CONSULT", "IGOG7", None, "asserted") in coded(
        "G7 foreign ministers also discussed China's role in global security.")
    assert triggers("Canadian Prime Minister Justin Trudeau retaliated by announcing increased "
                    "tariffs on U.S. exports.") == ["tariffs"]
    assert "rebuffed" not in triggers(
        "The Commerce chief rebuffed fears that U.S. tariffs would cause a recession.")


def test_accidents_attributes_and_states_are_no_acts_and_no_one_is_a_negation():
    assert triggers("Afghan Red Crescent officials said five people had likely been killed in "
                    "the crash.") == []
    assert triggers("'We took cover under the seats,' Ghulam Nabi, another freed Pakistani "
                    "passenger, told media.") == []
    assert triggers("The alleged Haitian coup plotters are also detained there.") == []
    assert ("recognized", "SUPPORT", None, "AFGGOV", "negated") in coded(
        "No country has officially recognized the Taliban as the legitimate government of "
        "Afghanistan.", published="2025-03-10")
    assert ("killed", "ASSAULT", "AFGGOV", "AFGMIL", "asserted") in coded(
        "Five Afghan soldiers were killed in the Taliban attack.", published="2025-03-10")
    assert ("meeting", "CONSULT", "AFGGOV", None, "asserted") in coded(
        "The Taliban attended a U.N.-organized meeting in Doha.", published="2025-03-10")
    assert triggers("Their second summit was in February 2019 in Hanoi.") == []


def test_an_act_ordered_is_asked_for_and_a_newspaper_attacked_is_criticised():
    assert triggers("Bosnian state prosecutors on Wednesday had ordered the arrest of Dodik and "
                    "his aides.") == ["ordered"]
    assert "arrest" in triggers("Rights groups condemned the arrest of the Zimbabwean "
                                "journalist.")
    assert ("attacked", "DISAPPROVE", "USAGOV", None, "asserted") in coded(
        "Trump also attacked The Wall Street Journal on Friday.", published="2025-03-10")
    assert ("strikes", "ASSAULT", "IRN", "ISR", "asserted") in coded(
        "Iran retaliated with missile strikes on Israel.")


def test_a_caution_is_no_threat_and_we_is_the_speaker():
    assert triggers("U.S. military officials warned in July of a possible IS resurgence in "
                    "the region.") == []
    assert ("warned", "THREATEN", "IRN", "ISR", "asserted") in coded(
        "Iran warned Israel of a crushing response.")
    assert ("react", "SUPPORT", "IRNGOV", None, "hypothetical") in coded(
        "'If the United States approaches us positively, we will also react positively,' the "
        "Iranian minister said.")
    assert triggers("Travellers must spend ten days in a hotel where they are monitored by "
                    "Italian health authorities.") == []


def test_a_name_before_a_verb_read_as_a_modifier_is_its_subject():
    assert ("hosted", "CONSULT", "USAGOV", "TURGOV", "asserted") in coded(
        "Earlier this month, Trump hosted Erdogan in the White House.", published="2025-03-10")


def test_people_counted_over_months_a_disaster_and_a_goal_are_no_acts():
    assert triggers("In the last 15 months, 1,250 terrorists from various groups have been "
                    "killed in Pakistan.") == []
    assert "killed" in triggers("Pakistani troops killed 30 militants on Tuesday.")
    assert triggers("Their houses in Malawi were either destroyed or submerged by floods.") == []
    assert triggers("Trump said his new tariffs are aimed at raising government revenue and "
                    "protecting U.S. jobs.") == []


def test_an_insistence_without_must_and_an_adjective_in_ing_are_no_demand_or_act():
    assert "insists" not in triggers("In response, China's leadership insists it is committed "
                                     "to peace.")
    assert ("insisted", "DEMAND", "UKR", "RUSMIL", "asserted") in coded(
        "Ukraine insisted that Russian troops must withdraw from its territory.")
    assert triggers("Based on his experience, the Japanese are friendly and accepting, Chin "
                    "said.") == []


def test_a_phrase_in_contrast_a_question_and_a_caution_of_a_state_are_no_acts():
    assert "opposed" not in triggers("Training for Turkish pilots would be in Moscow, as "
                                     "opposed to decades of U.S. training.")
    assert "agreed" not in triggers("The Hong Kong prosecutor asked Lai if he agreed with the "
                                    "charges.")
    assert "back" not in triggers("Trump's aides wondered whether he might back off his "
                                  "tariff threats against Canada.")
    assert "warning" not in triggers("Chinese officials called for tighter controls, warning "
                                     "that excessive gaming is hurting Chinese students.")
    assert ("warned", "THREATEN", "IRN", "ISR", "asserted") in coded(
        "Iran warned that it would retaliate against Israel.")


def test_a_rule_in_force_an_opinion_shared_and_journalism_are_no_acts():
    assert "allowed" not in triggers("Under the new rules, only Italian citizens are allowed "
                                     "to enter Italy from the three countries.")
    assert "agreed" not in triggers("Mexico's president agreed with President Joe Biden's "
                                    "recent remark about trade.")
    assert ("agreed", "AGREE", "KEN", "SOM", "asserted") in coded(
        "Kenya and Somalia agreed on a joint statement on the border.")
    assert "examined" not in triggers("VOA examined the facts and spoke with experts.")


def test_what_an_aim_or_an_effort_is_for_is_no_act():
    assert "cooperation" not in triggers("Suga's visit to India is aimed at boosting "
                                         "cooperation with India.")
    assert "curb" not in triggers("Trump said his tariffs are aimed at raising revenue, "
                                  "protecting jobs and pressuring manufacturers, and to curb "
                                  "the flow of fentanyl.")
    assert "grant" not in triggers("North Korea conducted missile tests in an effort to "
                                   "pressure the United States to grant sanctions relief.")


def test_an_offer_to_help_or_to_talk_is_an_expressed_intent():
    assert ("support", "AGREE", "IGOUNO", "KENGOV", "asserted") in coded(
        "The UNHCR said it was ready to support Kenya's government in its efforts.")
    assert ("mediate", "AGREE", "CHN", None, "asserted") in coded(
        "China offered to mediate between Russia and Ukraine.")


def test_a_verb_read_as_the_clause_of_a_name_has_that_name_for_its_subject():
    # the parse the model gives "Trump at first imposed tariffs" after some sentences
    words = ["Trump", "at", "first", "imposed", "tariffs", "."]
    doc = Doc(Vocab(), words=words, heads=[0, 2, 3, 0, 3, 0],
              deps=["ROOT", "advmod", "advmod", "ccomp", "dobj", "punct"],
              pos=["NOUN", "ADP", "ADV", "VERB", "NOUN", "PUNCT"],
              tags=["NN", "IN", "RB", "VBN", "NNS", "."])
    assert _main_verb_read_as_modifier(doc[3])
    said = Doc(Vocab(), words=["Trump", "said", "he", "imposed", "tariffs", "."],
               heads=[1, 1, 3, 1, 3, 1], deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
               pos=["PROPN", "VERB", "PRON", "VERB", "NOUN", "PUNCT"],
               tags=["NNP", "VBD", "PRP", "VBD", "NNS", "."])
    assert not _main_verb_read_as_modifier(said[3])


def test_a_threat_to_either_of_two_verbs_is_aimed_at_their_object():
    assert ("threatened", "THREATEN", "TURGOV", "USA", "asserted") in coded(
        "In past bilateral tensions, Ankara has threatened to close or suspend U.S. operations "
        "at Incirlik.")


def test_forces_backing_forces_cooperate_militarily_and_praise_stays_support():
    found = coded("Somali forces backed by Djiboutian soldiers attacked al-Shabab.")
    assert ("backed", "COOPERATE", "DJIMIL", "SOMMIL", "asserted") in found
    assert ("supported", "SUPPORT", "USA", "UKRMIL", "asserted") in coded(
        "The United States supported the Ukrainian army.")
    assert [t for w, t, *_ in coded("The Taliban praised the withdrawal of U.S. troops.")
            if w == "praised"] == ["SUPPORT"]


def test_whom_one_pleads_with_and_fires_at_is_the_target():
    assert ("pleading", "DEMAND", "CMRBUS", "CMRGOV", "asserted") in coded(
        "Cameroon's chicken sellers are pleading with authorities on both sides to drop the "
        "trade restrictions.")
    assert ("fired", "ASSAULT", "KENCOP", "KENOPP", "asserted") in coded(
        "Police fired rubber bullets at protesters in Nairobi.")
    assert ("fired", "ASSAULT", "ISRMIL", "PSEOPP", "asserted") in coded(
        "Israeli security forces fired tear gas, rubber bullets and stun grenades at "
        "Palestinian demonstrators.")


def test_an_officeholder_attacking_the_press_criticises_it_and_gunmen_strike():
    assert ("attacked", "DISAPPROVE", "USAGOV", "USAMED", "asserted") in coded(
        "Trump also attacked The Wall Street Journal newspaper for refusing to support his "
        "tariff plans.", "2025-03-10")
    assert ("attacked", "ASSAULT", "AFGUAF", "AFGMED", "asserted") in coded(
        "Gunmen attacked a journalist in Kabul.")


def test_an_act_a_news_agency_reports_is_not_its_own():
    assert coded("Reuters reported the attack on Monday.") == []


def test_people_hurt_in_an_attack_or_killed_by_it_are_its_targets():
    found = coded("Pakistani officials said the train was stopped in a tunnel on Tuesday. "
                  "Injured in the initial attack, the driver of the train has died.")
    assert ("Injured", "ASSAULT", None, "PAKCVL", "asserted") in found
    found = coded("Kenyan police said the travellers never reached their destination. The "
                  "car hit a roadside bomb and was then attacked with gunfire, killing all the "
                  "civilians inside.")
    assert ("attacked", "ASSAULT", None, "KENCVL", "asserted") in found


def test_what_comes_under_attack_or_criticism_is_the_target():
    assert ("attack", "ASSAULT", None, "TUR", "asserted") in coded(
        "A Turkish convoy came under attack in Syria on Monday.")
    assert ("criticism", "DISAPPROVE", "NGOHRI", "KENGOV", "asserted") in coded(
        "The Kenyan government came under criticism from rights groups.")


def test_a_plea_in_court_demands_nothing_and_no_one_killed_is_a_negation():
    assert "pleaded" not in triggers("Amirov and Omarov, both from Azerbaijan, have pleaded "
                                     "not guilty.")
    assert ("pleaded", "DEMAND", "KEN", "SOM", "asserted") in coded(
        "Kenya pleaded with Somalia to reopen the border.")
    found = coded("Pakistani troops stormed the train in Balochistan. The spokesperson said no "
                  "passengers were killed during the operation.")
    assert [m for w, *_, m in found if w == "killed"] == ["negated"]


def test_people_of_a_country_in_no_role_are_its_civilians():
    assert ("distributed", "AID", "IGOUNO", "MWICVL", "asserted") in coded(
        "The World Food Program on Thursday distributed relief items to affected people in "
        "Mulanje district, Malawi.")
    assert ("sent", "AID", "JPN", "MWI", "asserted") in coded("Japan sent aid to Malawi.")


def test_a_forecast_a_source_cited_a_pending_act_and_a_need_are_no_acts():
    assert "warned" not in triggers("He has warned that other member states could decide to "
                                    "quit the European Union.")
    assert "warned" not in triggers("The IMF warned that Pakistan could default on its debt.")
    assert ("warned", "THREATEN", "RUS", "IGONAT", "asserted") in coded(
        "Russia warned that NATO troops would be legitimate targets.")
    assert ("warned", "THREATEN", "IRN", "USA", "asserted") in coded(
        "Iran warned that its forces would strike U.S. bases.")
    assert "shared" not in triggers("Intelligence shared by the U.N. indicated that IS is "
                                    "regrouping in Syria.")
    assert "deportation" not in triggers("The United States moved the last migrants held at "
                                         "Guantanamo Bay to Louisiana, where they await "
                                         "deportation.")
    assert "provide" not in triggers("The UNICEF director said the agency needs a billion "
                                     "dollars this year to provide support to children in "
                                     "Sudan.")


def test_acts_compared_in_number_are_a_tally():
    assert "attacks" not in triggers("Beledweyne has suffered more terrorist attacks by "
                                     "al-Shabab than any other city in Somalia.")
    assert ("launched", "ASSAULT", "IMGSHB", "KENMIL", "asserted") in coded(
        "Al-Shabab launched more attacks on Kenyan troops on Monday.")


def test_who_talks_before_the_clause_is_its_subject():
    assert ("talks", "CONSULT", "RUSGOV", "CHNGOV", "asserted") in coded(
        "After talks with Chinese President Xi Jinping, Putin said relations were strong.",
        "2025-03-10")


def test_warnings_a_party_issues_demand_what_it_asks_and_an_act_condemns_no_one():
    found = coded("Pyongyang issued a series of warnings demanding that Washington change its "
                  "stance on denuclearization talks.")
    assert ("demanding", "DEMAND", "PRKGOV", "USAGOV", "asserted") in found
    assert ("issued", "THREATEN", "PRKGOV", "USAGOV", "asserted") in found
    assert all(s != "KHMMED" for w, _, s, *_ in coded(
        "Cambodian journalist Mech Dara's arrest drew international condemnation.")
        if w == "condemnation")


def test_who_claims_responsibility_for_an_attack_did_it():
    assert ("attack", "ASSAULT", "IMGSHB", "KEN", "asserted") in coded(
        "Al-Shabab claimed responsibility for the attack on the Kenyan base.")
    assert [s for w, _, s, *_ in coded("No group has claimed responsibility for the bombing "
                                       "in Kabul.") if w == "bombing"] == [None]


def test_unnamed_attackers_are_the_group_named_as_attacking_where_others_are_named_too():
    found = coded("Militants linked with the banned Baloch Liberation Army attacked a train in "
                  "Pakistan. Survivors said the attackers shot many passengers. Officials "
                  "warned of groups such as al Qaida and the TTP.", "2025-03-12")
    assert [s for w, _, s, *_ in found if w == "shot"] == ["PAKREB"]


def test_an_act_named_without_a_verb_in_an_interview_answer_is_a_topic():
    text = ("VOA: What is the biggest challenge for the U.S.? Armitage: Probably the Russia "
            "attack on Ukraine, because we are so invested in Ukraine.")
    assert coded(text) == []
    assert coded("Armitage: Russia attacked Ukraine in 2022.")[0][:4] == (
        "attacked", "ASSAULT", "RUS", "UKR")


def test_acts_of_a_kind_a_thing_is_for_are_not_told():
    assert coded("Somali forces killed an al-Shabab leader who masterminded the use of combat "
                 "vehicles for terrorist attacks.") == [
        ("killed", "ASSAULT", "SOMMIL", "IMGSHB", "asserted")]
    assert ("attacks", "ASSAULT", "PAKREB", "PAK", "asserted") in coded(
        "The BLA claimed responsibility for several deadly attacks in Pakistan.")
    assert "talks" in triggers("There has been no request for talks from Kyiv.")


def test_who_a_call_is_addressed_to_is_the_one_to_act():
    found = coded("Reporters Without Borders reiterated its call to the Cambodian authorities "
                  "to immediately drop all charges against the journalist.")
    assert [(s, m) for w, _, s, _, m in found if w == "drop"] == [("KHMGOV", "hypothetical")]


def test_cooperation_named_as_a_standing_relation_is_no_act():
    found = coded("Seoul could send arms to Ukraine depending on the level of military "
                  "cooperation between Pyongyang and Moscow.")
    assert not [c for c in found if c[1] == "COOPERATE"]


def test_a_threat_made_and_a_commitment_restated_are_coded_by_their_verb():
    assert ("made", "THREATEN", "IRN", "ISR", "asserted") in coded(
        "Iran made new threats against Israel on Monday.")
    assert [c[1] for c in coded("India and Mauritius reaffirmed their commitment to a "
                                "free Indian Ocean.") if c[0] == "reaffirmed"] == ["AGREE"]
    assert [c[1] for c in coded("Beijing moved to tighten control over the disputed "
                                "islands.") if c[0] == "tighten"] == ["COERCE"]


def test_an_act_a_demanded_stop_would_end_is_no_event():
    found = coded("The U.N. urged Russia to stop shelling Ukrainian ports.")
    assert [c[:2] for c in found] == [("urged", "DEMAND")]
    assert "attacking" in triggers("Russia stopped attacking Ukrainian ports on Monday.")
    # the act named by a noun as well
    found = coded("The U.N. urged Russia to stop the shelling of Ukrainian ports.")
    assert [c[:2] for c in found] == [("urged", "DEMAND")]


def test_an_act_one_needs_may_or_ought_to_do_is_no_event():
    assert coded("Ishiba sees the need to protect Taiwan from China.") == []
    assert coded("Iran has the capability to attack Israel.") == []
    assert coded("Joly emphasized the importance of sanctioning Russia.") == []
    assert triggers("Iran plans to attack Israel.") == ["attack"]


def test_a_name_read_as_the_root_noun_before_its_verb_is_the_doer():
    # the parser reads "Trump imposed tariffs" as the noun "Trump" with "imposed tariffs"
    found = coded("U.S. President Donald Trump spoke on Monday. Trump imposed tariffs on "
                  "Canada.", published="2025-03-10")
    assert ("tariffs", "COERCE", "USAGOV", "CAN", "asserted") in found


def test_the_subject_that_narrows_a_bare_country_modifier_is_the_doer():
    found = coded("President Trump on Tuesday doubled the U.S. tariff on Canadian steel.",
                  published="2025-03-10")
    assert ("tariff", "COERCE", "USAGOV", "CAN", "asserted") in found


def test_a_role_owned_by_a_pronoun_is_of_the_clause_subject():
    assert ("ordered", "DEMAND", "RUSGOV", "RUSMIL", "asserted") in coded(
        "Putin ordered his army to withdraw from Kherson.", published="2025-03-10")
    # the source's own troops are what it offers, not whom it offers them to
    assert ("offered", "AGREE", "SYR", "LBNGOV", "asserted") in coded(
        "Syria has again offered its troops to Lebanon's President Elias Hrawi.",
        published="1989-11-30")


def test_a_material_act_in_the_simple_present_is_a_standing_practice():
    assert coded("The Japanese government provides new immigrants in Japan with "
                 "specialists.") == []
    assert coded("C.A.R. officials say the rebels have fighters who fight to control "
                 "villages on the border with Cameroon.") == []
    # a headline, or a present with its day, reports an act
    assert triggers("Somali airstrikes kill 50 al-Shabab militants") == ["airstrikes"]
    assert "attacks" in triggers("Russia attacks Ukrainian ports on Monday, officials say.")
    assert "urge" in triggers("\"We urge Afghanistan to hold the perpetrators accountable,\" "
                              "Pakistan's foreign ministry said.")


def test_one_act_told_by_two_triggers_is_one_event():
    assert triggers("Somali airstrikes killed 50 al-Shabab militants on Monday.") == [
        "airstrikes"]
    assert triggers("Al-Shabab militants attacked and killed five Kenyan soldiers.") == [
        "attacked"]
    # joined verbs, each with its own object, tell of two acts
    assert triggers("Guatemalan authorities arrested Zamora and later froze the newspaper's "
                    "assets.") == ["arrested", "froze"]


def test_aid_ceased_or_cut_off_is_a_sanction():
    assert ("cease", "SANCTION", "USA", "UKR", "hypothetical") in coded(
        "The United States would cease military aid to Ukraine.")
    assert [c[1] for c in coded("The U.S. cut off aid to Ethiopia.")] == ["SANCTION"]


def test_a_force_moved_by_a_country_is_its_military():
    assert ("withdrawal", "RETREAT", "USAMIL", None, "asserted") in coded(
        "We consider the withdrawal of forces by America a good step, the Taliban said.")
    assert ("withdrew", "RETREAT", "USA", "AFG", "asserted") in coded(
        "America withdrew its forces from Afghanistan.")  # the subject stays the doer


def test_a_role_inside_a_name_of_a_country_takes_that_country():
    found = coded("Pakistan held elections. On Tuesday, the U.S. House of Representatives "
                  "voted to condemn Pakistan's election.")
    assert ("condemn", "DISAPPROVE", "USALEG", "PAK", "asserted") in found


def test_their_stands_for_both_of_a_joined_subject():
    assert ("talks", "CONSULT", "RUS", "CHN", "asserted") in coded(
        "Russia and China signed a deal after their talks in Beijing.")


def test_a_body_called_for_is_no_one_asked():
    assert ("called", "DEMAND", "IGOUNO", None, "asserted") in coded(
        "U.N. envoy Geir Pedersen called for the creation of an inclusive transitional "
        "government in Syria.")
    assert ("calling", "DEMAND", "NGANGO", None, "asserted") in coded(
        "Nigerian rights activists are calling for accountable leadership in Nigeria.")
    assert ("called", "DEMAND", "KEN", "SOMGOV", "asserted") in coded(
        "Kenya called on the Somali government to release the prisoners.")


def test_a_joined_verb_shares_the_habit_of_the_first():
    assert coded("Malaysian Prime Minister Najib Razak seldom criticized China and instead "
                 "accepted Chinese funding.") == []
    assert "attacked" in triggers("Russia often shelled Kharkiv and attacked Kyiv on Monday.")


def test_an_allegation_that_someone_acted_accuses_them_and_codes_no_act():
    assert coded("Pakistan repeated allegations that Afghanistan supported the militants.") == [
        ("allegations", "DISAPPROVE", "PAK", "AFG", "asserted")]


def test_a_chosen_refusal_to_take_part_is_a_rejection_as_sure_as_the_choice():
    assert coded("Kenya decided not to participate in the talks with Somalia.") == [
        ("participate", "REJECT", "KEN", None, "asserted")]
    assert coded("The court regrets the decision of Kenya not to participate in the "
                 "hearings.")[-1][:3] == ("participate", "REJECT", "KEN")
    assert coded("The Kenyan government cited several reasons for not attending the "
                 "summit.") == [("attending", "REJECT", "KENGOV", None, "asserted")]
    assert coded("The United States urged Israel not to attend the summit.")[-1] == (
        "attend", "REJECT", "ISR", None, "hypothetical")
    # a plain negation stays a negated act: nothing was chosen in so many words
    assert coded("Kenya did not participate in the talks with Somalia.") == [
        ("talks", "CONSULT", "KEN", "SOM", "negated")]


def test_a_preposition_a_pattern_names_may_hang_on_the_object():
    assert coded("Iran imported a missile propellant ingredient from China.") == [
        ("imported", "COOPERATE", "IRN", "CHN", "asserted")]
    assert coded("Kim Jong Un asked Donald Trump for sanctions relief.",
                 published="2019-02-28")[0][:4] == (
        "asked", "DEMAND", "PRKGOV", "USAGOV")


def test_those_killed_in_a_fight_were_killed_by_its_doer_or_the_side_it_was_fought_with():
    assert coded("Three soldiers were killed in an Israeli strike in Gaza.")[0][:4] == (
        "killed", "ASSAULT", "ISR", None)
    assert coded("Two Afghan soldiers were killed in clashes with the Taliban.",
                 published="2025-03-10")[0][:4] == ("killed", "ASSAULT", "AFGGOV", "AFGMIL")
    assert coded("Five Pakistani soldiers were killed in the attack and the ensuing battle "
                 "with militants.")[0][:4] == ("killed", "ASSAULT", "PAKREB", "PAKMIL")


def test_the_leader_of_a_body_no_table_knows_is_not_the_government():
    found = coded("Arnel Joseph, the leader of the Village de Dieu gang, was killed in a gun "
                  "battle with police on Friday in Haiti.")
    assert found[0][:3] == ("killed", "ASSAULT", "HTICOP")
    assert found[0][3] != "HTIGOV"


def test_he_in_what_a_speaker_says_is_the_speaker_even_where_the_tagger_read_a_company():
    # the model reads "Trump" here as an organisation; the leaders table knows a person
    found = coded("During a visit by Starmer to the White House last month, Trump said that "
                  "he was inclined to approve the deal.", published="2025-03-10")
    assert ("approve", "SUPPORT", "USAGOV") in [c[:3] for c in found]


def test_it_never_stands_for_a_people():
    found = coded("The Uyghurs fled to Thailand in 2014. After weeks of denying it was "
                  "planning to repatriate them, Thailand deported 40 of them to China.")
    assert [c[2] for c in found if c[0] == "repatriate"] == ["THA"]


def test_violence_against_no_one_by_the_unarmed_is_no_event():
    assert coded("Jimmy Lai's son said the Hong Kong publisher is still fighting.") == []
    assert triggers("Protesters attacked police officers in Nairobi, Kenya.") == ["attacked"]


def test_a_pronoun_in_a_clause_put_first_may_stand_for_the_subject_after_it():
    found = coded("Later, asked by a reporter at the White House whether he might back off "
                  "his tariff threats against allies, Trump said no.", published="2025-03-10")
    assert [c[2] for c in found if c[0] == "back"] == ["USAGOV"]


def test_the_act_a_charge_or_an_arrest_is_for_is_alleged_not_coded():
    assert triggers("Prosecutors charged Joseph with kidnapping and attacking motorists in "
                    "Haiti.") == ["charged"]
    assert triggers("Police arrested the man for attacking a police station in Kenya.") == [
        "arrested"]


def test_a_wrong_a_speaker_says_another_commits_is_the_speakers_accusation():
    assert coded("The United States said Iran is flagrantly defying the U.N. Security "
                 "Council.")[0][:3] == ("defying", "DISAPPROVE", "USA")
    assert coded("Iran has defied the U.N. Security Council for years.")[0][:3] == (
        "defied", "REJECT", "IRN")


def test_a_stance_the_reporter_tells_in_the_present_is_standing_a_stance_stated_is_an_act():
    assert coded("The group also opposes Chinese investment in Pakistan.") == []
    assert coded("Putin said Russia supports the U.S. ceasefire proposal.")[0][:2] == (
        "supports", "SUPPORT")
    assert triggers("Japan backed Ukraine against Russia on Monday.") == ["backed"]


def test_agreeing_with_a_concern_shares_a_worry_and_is_no_agreement():
    assert coded("A Chinese student said she agreed with officials' concerns about gaming.") == []
    assert triggers("China agreed with Russia on a new pipeline.") == ["agreed"]


def test_what_one_looks_forward_to_is_planned():
    assert coded("Canada looks forward to hosting the G7 summit in June.") == [
        ("hosting", "CONSULT", "CAN", "IGOG7", "planned")]
    # a time's preposition is no complement: what was done before a decision was done
    assert coded("Even after repeatedly requesting talks, Canada decided to leave.") == [
        ("requesting", "DEMAND", "CAN", None, "asserted")]


def test_anothers_act_that_a_negated_verb_leaves_unanswered_took_place():
    assert coded("Pakistani officials have not publicly responded to the BLA's demands.") == [
        ("demands", "DEMAND", "PAKREB", "PAKGOV", "asserted")]
    assert ("invasion", "ASSAULT", "RUS", "UKR", "asserted") in coded(
        "China has never condemned Russia's full-scale invasion of Ukraine.")
    assert coded("Kenya did not attend the talks with Somalia.") == [
        ("talks", "CONSULT", "KEN", "SOM", "negated")]


def test_a_question_put_to_the_speaker_is_no_demand_a_named_asker_makes_one():
    assert coded("Pressed on how sure he was, Haitian Prime Minister Garry Conille said police "
                 "had confirmed it.") == []
    assert ("Urged", "DEMAND", "USA", "RUS", "asserted") in coded(
        "Urged by the United States to stop, Russia said it would continue the attacks.")


def test_he_after_a_person_no_table_knows_is_that_person_not_another_actor():
    text = ("Doug Ford, Ontario's provincial leader, said on Monday that he was charging 25% "
            "more for electricity sent to the United States, which Trump criticized.")
    assert "charging" not in [c[0] for c in coded(text, published="2025-03-10")
                              if c[2] == "USAGOV"]
    found = coded("Uganda's Bobi Wine is running against Yoweri Museveni. Wine says voters are "
                  "scared. He criticized the Ugandan police on Monday.")
    assert [c[2] for c in found if c[0] == "criticized"] in ([], [None])


def test_what_a_law_or_a_deal_allows_is_only_possible():
    assert coded("The new law allows the Sudanese government to seize the party's assets.") == [
        ("seize", "COERCE", "SDNGOV", None, "hypothetical")]
    assert ("march", "PROTEST", "SDNOPP", "SDN", "asserted") in coded(
        "The Sudanese government allowed protesters to march in Khartoum on Monday.")


def test_a_markets_demand_for_goods_is_no_call_on_anyone():
    assert coded("Developing countries have growing energy demands, Belgian officials said.") == []
    assert ("demands", "DEMAND", "SOM", None, "asserted") in coded(
        "Kenya rejected Somalia's demands for a new border.")


def test_whose_act_is_condemned_may_be_named_by_the_participle_on_it():
    assert ("condemned", "DISAPPROVE", "CHN", "IGOEUR", "asserted") in coded(
        "China condemned the sanctions imposed by the European Union on Chinese officials.")


def test_an_event_noun_in_a_held_state_is_no_new_act():
    assert coded("Sanctions against Turkey enjoy bipartisan support in the U.S. Congress.") == []
    assert coded("U.S. sanctions against Iran remain in place.") == []
    assert triggers("Sanctions against Turkey took effect on Monday.") == ["Sanctions"]


def test_a_place_in_a_clause_of_its_own_is_not_where_people_were_killed():
    text = ("A roadside bomb blast killed 11 coal miners in Balochistan, while the BLA took "
            "credit for attacking a convoy for a mining company operated by China.")
    assert [c[3] for c in coded(text) if c[0] == "killed"] == ["PAKCVL"]


def test_people_in_a_capital_are_its_countrys_and_a_named_victim_no_country():
    assert ("killed", "ASSAULT", "AFGUAF", "AFGCVL", "asserted") in coded(
        "Gunmen killed 10 people in Kabul on Sunday.")
    assert ("attacked", "ASSAULT", None, "UKR", "asserted") in coded(
        "Gunmen attacked a hospital in Kharkiv.")
    text = ("Her clients include the family of journalist Daphne Caruana Galizia, who was "
            "killed in Malta in 2017.")
    assert "MLT" not in [c[3] for c in coded(text)]


def test_what_commentators_guess_another_would_do_and_a_generic_option_are_no_acts():
    assert coded("Analysts say Tehran would especially welcome the closure of the base.") == []
    assert ("welcome", "SUPPORT", "IRN", "USA", "hypothetical") in coded(
        "Iran said it would welcome talks with the United States.")
    assert coded("Allowing Western companies back into Russia doesn't necessarily change "
                 "President Putin's hostility towards the West.") == []


def test_a_protest_of_an_act_is_aimed_at_its_doer():
    assert ("protest", "PROTEST", "TURCVL", "ISRCOP", "asserted") in coded(
        "Hundreds of people massed in front of Israel's consulate in Istanbul in protest of "
        "Israeli police actions around the Al-Aqsa mosque.")
    assert ("complained", "DISAPPROVE", "ISR", "IRN", "asserted") in coded(
        "Israel complained to the United Nations over Iranian missile strikes.")


def test_their_forces_in_a_reported_clause_are_the_speakers():
    found = coded("Syria's transitional authorities said their forces in the coastal region "
                  "came under a calculated attack from Assad loyalists.", published="2025-03-10")
    assert [c[3] for c in found if c[0] == "attack"] == ["SYRMIL"]


def test_a_proposed_or_planned_act_named_by_its_noun_has_not_happened():
    assert ("ban", "COERCE", "IDNGOV", None, "hypothetical") in coded(
        "Traders in Solo criticized the proposed ban by the Indonesian government.")
    assert ("ban", "COERCE", "IDNGOV", None, "planned") in coded(
        "Traders in Solo criticized the planned ban by the Indonesian government.")
    assert [m for w, *_, m in coded(
        "Trump said his administration was working on a second summit with Kim Jong Un.",
        "2019-12-10") if w == "summit"] == ["planned"]
    assert ("visit", "CONSULT", "JPNGOV", "IND", "planned") in coded(
        "Analysts said Suga's expected visit to India is aimed at boosting cooperation.",
        "2020-11-01")
    assert ("ban", "COERCE", "IDNGOV", None, "asserted") in coded(
        "The Indonesian government's ban on dog meat took effect on Monday.")


def test_a_measure_in_force_cited_for_what_it_does_is_no_new_act():
    assert coded("The Taliban's restrictions have sparked social and cultural resistance, "
                 "Afghan writers said.") == []
    assert ("tariffs", "COERCE", "USA", "CHN", "asserted") in coded(
        "New U.S. tariffs on Chinese goods took effect on Tuesday.")
    assert coded("The Taliban's crackdown on human rights is ongoing, Human Rights Watch "
                 "said.") == []
    assert ("offensive", "ASSAULT", "ISR", "PSECVL", "asserted") in coded(
        "Israel's offensive in Gaza has killed 30,000 Palestinians, health officials said.")


def test_a_people_named_by_their_demonym_and_held_or_harmed_are_its_civilians():
    assert ("deported", "COERCE", "USA", "VENCVL", "asserted") in coded(
        "The United States deported hundreds of Venezuelans to El Salvador.")
    assert ("detained", "COERCE", "RUSCOP", "USACVL", "asserted") in coded(
        "Russian police detained two Americans in Moscow.")
    assert ("attacked", "ASSAULT", "RUS", "UKR", "asserted") in coded(
        "The Russians attacked Ukrainian positions near Bakhmut.")


def test_withdrawing_from_an_intergovernmental_body_cuts_relations():
    assert ("withdrew", "SANCTION", "USA", "IGOUNO", "asserted") in coded(
        "The United States withdrew from the World Health Organization.")
    assert ("withdrew", "RETREAT", "RUS", None, "asserted") in coded(
        "Russia withdrew its troops from Kherson.")


def test_a_blow_an_attack_deals_is_force_a_rulings_is_not():
    assert ("dealt", "ASSAULT", None, "IMGSHB", "asserted") in coded(
        "The airstrikes dealt a heavy blow to al-Shabab.")
    assert ("dealt", "ASSAULT", None, "IMGSHB", "asserted") in coded(
        "The operation dealt a significant blow to al-Shabab.")
    assert ("dealt", "DISAPPROVE", "KENJUD", "KENGOV", "asserted") in coded(
        "The court ruling dealt a blow to the Kenyan government.")


def test_a_relative_pronoun_is_the_actor_it_hangs_on():
    # demonstrators who throw rocks riot (CAMEO 145)
    assert ("threw", "PROTEST", "PSEOPP", "ISRCOP", "asserted") in coded(
        "Israeli forces fired at Palestinian demonstrators, some of whom threw rocks at "
        "Israeli police.")
    assert ("invaded", "ASSAULT", "RUS", "UKR", "asserted") in coded(
        "Russia, which invaded Ukraine on Monday, denied the charge.")
    # "that" after a thing: the parser may hang the clause on the wrong noun of the phrase
    assert ("killed", "ASSAULT", None, "UKRLAB", "asserted") in coded(
        "A trial opened over the bombing of a Russian oil depot that killed two Ukrainian "
        "workers.")


def test_what_one_weeps_over_is_not_ones_own_act():
    assert ("crackdown", "COERCE", "TURGOV", "EGYGOV", "asserted") not in coded(
        "Turkish President Recep Tayyip Erdogan wept over the crackdown against the Egyptian "
        "leader's supporters.")


def test_what_a_passive_befalls_is_the_target_of_the_act_that_hit_it():
    assert ("sanctions", "COERCE", "USA", "IRN", "asserted") in coded(
        "Iran was hit by new U.S. sanctions on Tuesday.")
    assert ("airstrike", "ASSAULT", None, "TUR", "asserted") in coded(
        "A Turkish convoy was struck by an airstrike near Idlib.")


def test_an_attack_in_the_capital_is_on_the_country_the_story_is_about():
    assert ("blasts", "ASSAULT", None, "AFG", "asserted") in coded(
        "Afghan officials raised the death toll from blasts outside a school in the capital.")
    # "the capital of" names its own country, read from the place
    assert ("blasts", "ASSAULT", None, "AFG", "asserted") not in coded(
        "Afghan officials condemned blasts outside a school in the capital of Pakistan.")


def test_the_islands_are_the_islands_named_before():
    assert ("critical", "DISAPPROVE", "IOTCVL", None, "asserted") in coded(
        "Britain agreed to hand the Chagos Islands to Mauritius. The original inhabitants of "
        "the islands are critical of the agreement.")


def test_people_driven_out_are_the_clauses_theme_whichever_noun_it_hangs_on():
    found = coded("Britain agreed to hand the Chagos Islands to Mauritius. Many inhabitants "
                  "of the islands who were forcibly expelled are critical of the deal.")
    assert ("expelled", "ASSAULT") in [(word, kind) for word, kind, *_ in found]


def test_a_danger_someone_fears_is_no_act_a_feared_report_of_one_is():
    assert triggers("Thailand turned them down for fear that China might retaliate.") == []
    assert "tariffs" not in triggers(
        "The Commerce chief rebuffed fears that U.S. tariffs would cause a recession in Canada.")
    assert ("attacked", "ASSAULT", "IMGSHB", None, "hedged") in coded(
        "Kenyan officials fear that al-Shabab attacked the base.")


def test_an_attack_strikes_whom_the_clause_after_it_harms():
    assert ("attacks", "ASSAULT", "AFGGOV", "AFGMIL", "asserted") in coded(
        "The Taliban have intensified attacks since May, inflicting heavy casualties on "
        "Afghan government forces.")
    assert ("attacked", "ASSAULT", "KENREB", "KENMIL", "asserted") in coded(
        "The militants attacked a convoy, killing five Kenyan soldiers.")


def test_people_hurt_in_violent_confrontations_with_police_were_hurt_by_the_police():
    assert ("injured", "ASSAULT", "ISRCOP", "PSECVL", "asserted") in coded(
        "Turkish mosques prayed for Palestinians injured in violent confrontations with Israeli "
        "police in Jerusalem.")


def test_the_prosecutions_case_and_an_argued_position_are_no_acts():
    assert triggers("Prosecutors say two men hired a hitman to kill an Iranian dissident.") == []
    assert triggers("Mauritius argues it was forced to give up the Chagos Islands to Britain.") \
        == []
    # a defence lawyer's news is news
    assert "released" in triggers(
        "The journalist's lawyer told VOA that the Cambodian journalist has been released on "
        "bail.")


def test_a_danger_felt_or_deterred_is_no_act_a_concern_voiced_over_one_tells_of_it():
    assert triggers("India and Japan are both concerned about Chinese aggression.") == []
    assert triggers("The deal will strengthen deterrence against Russian aggression.") == []
    assert "killing" in triggers("The United States voiced concern over the killing of 12 "
                                 "protesters by Kenyan police on Monday.")


def test_a_question_without_its_mark_is_known_by_its_order():
    assert triggers("So why doesn't the U.S. give us the Patriot missile, said a Turkish "
                    "adviser.") == []
    assert "concessions" not in triggers(
        "Rubio said the U.S. aims to understand what concessions Ukraine might be willing to "
        "make.")
    assert "attacked" in triggers("Russia attacked Ukraine, which sanctions did not prevent.")
    assert triggers("To what extent the United States will defend its longtime ally in its "
                    "battle against Beijing was not made clear.") == []


def test_aid_accepted_or_received_is_given_by_whom_its_words_name():
    assert ("accepted", "AID", "CHN", "MYS", "asserted") in coded(
        "Malaysia accepted $2 billion in Chinese funding for the rail line.")
    assert ("received", "AID", "USA", "UKR", "asserted") in coded(
        "Ukraine received U.S. weapons on Monday.")
    assert ("accepted", "AGREE", "KEN", "USA", "asserted") in coded(
        "Kenya accepted the U.S. offer of talks.")


def test_visiting_a_park_is_no_visit():
    assert triggers("Afghan women are barred from visiting parks, gyms and public baths.") == []
    assert "visited" in triggers("India's prime minister visited Mauritius on Tuesday.")


def test_what_may_happen_in_a_kind_of_case_is_a_procedure():
    assert triggers("The green card holder will receive a notice or, in serious cases, they may "
                    "be arrested and detained by U.S. immigration agents.") == []
    assert "arrested" in triggers("In some cases, Kenyan police arrested protesters in Nairobi.")


def test_an_object_it_is_not_its_own_verbs_subject():
    assert ("accusing", "DISAPPROVE", "PAKREB", "PAK", "asserted") in coded(
        "The Baloch Liberation Army has been fighting an insurgency against the Pakistani "
        "state, accusing it of exploiting the province.")
    assert ("assured", "AGREE", "CHNGOV", "THAGOV", "asserted") in coded(
        "The Thai government said Beijing had assured it that the Uyghurs would be treated "
        "well.")


def test_a_tariff_is_aimed_by_the_on_of_its_verb_and_a_neighbor_is_the_other_country():
    assert ("tariff", "COERCE", "USAGOV", "CAN", "asserted") in coded(
        "U.S. President Donald Trump ramped up his trade war with Canada on Tuesday, doubling "
        "the 25% U.S. tariff on its northern neighbor's steel exports.", "2025-03-12")
    assert ("tariffs", "COERCE", "USAGOV", "MEX", "asserted") in coded(
        "U.S. President Donald Trump is keeping new tariffs in place on Mexico.", "2025-03-12")


def test_hostages_a_force_rescues_are_no_aid_given():
    assert triggers("Nigerian troops rescued 20 hostages held by Boko Haram.") == []
    assert "rescued" in triggers("The Italian coast guard rescued 300 migrants off Lampedusa.")


def test_a_what_clause_only_names_what_its_verb_acts_on():
    assert coded("China imposed what officials called punitive tariffs on Canadian canola.") \
        == [("imposed", "COERCE", "CHN", "CAN", "asserted")]
    assert coded("The European Union levied what he said was a 50% tariff on American "
                 "whiskey.") == [("levied", "COERCE", "IGOEUR", "USA", "asserted")]
    assert ("launched", "ASSAULT", "RUS", "UKRGOV", "asserted") in coded(
        "Russia launched what Ukraine described as a massive attack on Kyiv.")
    assert ("strikes", "ASSAULT", "ISR", "LBNREB", "asserted") in coded(
        "Israel carried out what it termed targeted strikes on Hezbollah.")


def test_meeting_a_challenge_is_no_meeting():
    assert "meeting" not in triggers("India will help Mauritius build capacities to show that "
                                     "it can assist in meeting such challenges.")
    assert "met" in triggers("India's foreign minister met Mauritius' prime minister on Monday.")


def test_a_possessive_on_an_act_answered_is_not_the_answerers():
    assert ("rejected", "REJECT", "IRNGOV", "USA", "asserted") in coded(
        "The United States offered Iran talks, but Tehran rejected its offer.")
    assert ("request", "DEMAND", "CHN", "THAGOV", "asserted") in coded(
        "China asked Thailand to return the Uyghurs, and Bangkok complied with its request.")
    # an act of the subject's own stays the subject's
    assert coded("Russia expanded its attacks on Ukraine.") == [
        ("attacks", "ASSAULT", "RUS", "UKR", "asserted")]


def test_asking_someone_to_act_is_a_demand_and_asking_a_question_is_not():
    assert coded("China asked Thailand to return the Uyghurs.") == [
        ("asked", "DEMAND", "CHN", "THA", "asserted")]
    assert coded("Reporters asked Trump whether he would meet Putin.") == []
    assert coded("Reporters asked Trump why he would meet Putin.") == []
    assert coded("When asked about the deal, Trump said he was happy.") == []


def test_a_since_clause_long_before_dates_a_state():
    assert "seized" not in triggers("No country has recognized the Taliban as the government "
                                    "since they seized control of Afghanistan in 2021.")
    assert "seized" in triggers("The Taliban seized control of Afghanistan in 2021.")
    assert "seized" in triggers("No country has recognized the Taliban as the government "
                                "since they seized control of Afghanistan in May.")


def test_a_falling_amount_is_no_refusal():
    assert coded("As Japan's population continues to decline, the government is opening "
                 "its doors.") == []
    assert coded("Russia declined the invitation.") == [
        ("declined", "REJECT", "RUS", None, "asserted")]


def test_a_future_act_is_not_yet_done():
    assert coded("Iran said any future talks with the United States would be indirect.") == [
        ("talks", "CONSULT", "IRN", "USA", "hypothetical")]


def test_critics_are_not_of_the_side_they_criticize():
    assert coded("Putin's critics accused him of rigging the vote.") == [
        ("accused", "DISAPPROVE", None, "RUSGOV", "asserted")]


def test_a_vehicle_carrying_people_stands_for_them():
    assert ("struck", "ASSAULT", "ISRMIL", "LBNREB", "asserted") in coded(
        "Israeli forces struck a truck carrying Hezbollah fighters.")



def test_violence_with_no_one_doing_it_is_the_state_of_its_place():
    assert coded("The United States has voiced concern over the violence in Israel.") == []
    assert ("violence", "ASSAULT", "KENCOP", "KENOPP", "asserted") in coded(
        "Police used violence against protesters in Nairobi.")
    assert ("blast", "ASSAULT", None, "AFG", "asserted") in coded(
        "A blast outside a school in Kabul killed ten.")


def test_a_measure_overcome_is_a_state():
    assert coded("Huawei has overcome U.S. restrictions on Chinese business.") == []
    assert coded("Russia has weathered Western sanctions.") == []
    assert coded("Huawei has overcome restrictions imposed by the U.S.") == []


def test_a_stance_in_a_present_passive_clause_is_standing():
    assert "supported" not in triggers("All G7 foreign ministers agree with the U.S. proposal "
                                       "of a ceasefire that is supported by Ukrainians.")


def test_what_is_broken_is_no_new_act():
    assert coded("Activists tried to break an Israeli blockade of the Gaza Strip.") == []
    assert coded("Russia broke the ceasefire on Monday.") == [
        ("broke", "ASSAULT", "RUS", None, "asserted")]
    assert coded("Pakistan broke off talks with India.") == [
        ("broke", "SANCTION", "PAK", "IND", "asserted")]


def test_a_hearing_is_held_by_the_body_named_before():
    assert coded("The case went before the International Court of Justice in mid-March, though "
                 "Kenya refused to attend the weeklong hearing.") == [
        ("refused", "REJECT", "KEN", "IGOICJ", "asserted")]


def test_they_and_their_never_stand_for_one_person():
    assert coded("Ukrainian President Zelenskyy said their attacks on Kyiv must stop.")[0] == (
        "attacks", "ASSAULT", None, "UKRGOV", "asserted")
    # two people joined are a "they"
    assert coded("Putin and Xi said their talks in Beijing were productive.") == [
        ("talks", "CONSULT", "RUSGOV", "CHNGOV", "asserted")]


def test_a_pact_named_by_its_city_is_no_act_of_that_government():
    assert coded("The United States urged that all parts of the Doha agreement be "
                 "implemented.") == [("urged", "DEMAND", "USA", None, "asserted")]


def test_resuming_cooperation_is_cooperation_and_resuming_talks_is_talks():
    assert coded("The United States said it would resume cooperation with Ukraine.") == [
        ("resume", "AGREE", "USA", "UKR", "asserted")]
    assert coded("Kenya and Somalia resumed cooperation on security in May.") == [
        ("resumed", "COOPERATE", "KEN", "SOM", "asserted")]
    assert coded("Kenya resumed talks with Somalia.") == [
        ("resumed", "CONSULT", "KEN", "SOM", "asserted")]


def test_an_act_told_inside_a_claim_is_the_claim_s():
    assert coded("Bugti reiterated the claim that Tuesday's attack was orchestrated by "
                 "militants with bases in Afghanistan.") == []


def test_curbing_a_flow_is_enforcement_not_a_restriction_on_anyone():
    assert coded("Mexico has made strides in curbing the flow of fentanyl into the United "
                 "States.") == []
    assert ("pressuring", "DEMAND", "USAGOV", "CAN", "asserted") in coded(
        "Trump is pressuring Canada to further curb the flow of migrants and drugs.",
        "2025-03-10")


def test_a_hedged_demand_is_hedged_and_one_the_parser_hangs_on_it_is_not():
    found = coded("The French foreign minister said: \"We need to talk to our neighbors, we "
                  "possibly need to put in stricter border controls.\"", "2025-03-10")
    assert [m for w, t, *_, m in found if t == "DEMAND"] == ["asserted", "hedged"]


def test_a_stance_argued_and_a_generic_one_are_no_demands():
    assert coded("Nairobi claims the frontier should head in a straight line east.") == []
    assert coded("Mogadishu argues its maritime border with Kenya should be extended.") == []
    assert coded("Palmer said one should not read too much into the timing of this.") == []
    assert coded("In the U.S., each company must fend for itself, Creemers said.") == []
    assert coded("Indonesia's education minister told Kompas that the PISA results should "
                 "not be packaged as good news.") == []
    assert ("lifted", "DEMAND", "IDNGOV", None, "asserted") in coded(
        "Indonesia's education minister said the sanctions should be lifted as soon as "
        "possible.")
    assert ("withdraw", "DEMAND", "KEN", "SOM", "asserted") in coded(
        "Kenya said Somalia must withdraw its troops.")


def test_a_pronoun_in_a_quotation_is_never_its_speaker():
    text = ("Gunmen stormed a hotel in Beledweyne on Tuesday. Somali lawmaker Dahir Amin Jesow "
            "said local elders were meeting at the hotel. “They attacked the hotel at dawn this "
            "morning,” Jesow said.")
    assert "attacked" not in triggers(text)  # the gunmen, not the lawmaker quoted
    # outside quotation marks, "it" may be the one who says it
    assert ("sign", "SUPPORT", "KEN", "SOM", "hypothetical") in coded(
        "Kenya said it would sign the agreement with Somalia.")


def test_forces_moved_are_aimed_at_whom_the_text_says():
    assert coded("Russia deployed troops against Ukraine.") == [
        ("deployed", "MOBILIZE", "RUS", "UKR", "asserted")]
    # forces its doer says it will move are a plan, no threat
    assert coded("Kenya said it would send police to Haiti.") == [
        ("send", "MOBILIZE", "KEN", None, "hypothetical")]


def test_agreeing_that_only_introduces_a_quotation_is_speech():
    assert coded("“The talks went well,” agreed the Kenyan foreign minister.") == []
    assert coded("Kenya agreed to the ceasefire.") == [
        ("agreed", "AGREE", "KEN", None, "asserted")]


def test_regular_attacks_are_a_habit_and_a_frequent_demand_is_still_made():
    assert coded("Rebels say they protect herders from regular attacks by Christian militias "
                 "in the Central African Republic.") == []
    assert coded("Militias attacked herders in the Central African Republic on Monday.") == [
        ("attacked", "ASSAULT", "CAFUAF", "CAFCVL", "asserted")]


def test_an_amount_of_killing_a_setting_and_a_meeting_among_ones_own_are_no_acts():
    assert coded("A lawmaker said there has been too much killing and too much destruction in "
                 "Ukraine over three years.") == []
    assert "meeting" not in triggers(
        "In conversations at China's annual political meetings that wrapped up in Beijing this "
        "week, retired basketball star Yao Ming called for limits on internet access.")
    assert "convene" not in triggers("U.S. officials would convene this weekend to examine "
                                     "Russia's position.")
    assert coded("Iranian officials met with Saudi diplomats in Beijing.") == [
        ("met", "CONSULT", "IRNGOV", "SAUGOV", "asserted")]
    assert coded("G7 foreign ministers met in Quebec on Friday.") == [
        ("met", "CONSULT", "IGOG7", None, "asserted")]


def test_the_media_outlet_is_the_news_organisation_named_before():
    # in a story about Afghanistan, where "media" alone would be the country's
    assert coded("The Taliban rule Afghanistan. Afghanistan's economy is weak. Afghan women "
                 "are barred from school. Balkhi told the Reuters news agency it was "
                 "propaganda. Taliban officials do not respond to VOA queries because they "
                 "have imposed a ban on the media outlet.")[-1][1:4] == (
        "COERCE", "AFGGOV", "USAMED")


def test_a_dialogue_established_is_talks_and_people_given_back_are_deported():
    assert ("establish", "CONSULT", "AFGGOV", None, "hypothetical") in coded(
        "Bennett called for the Taliban to lift the travel ban and establish a constructive "
        "dialogue to resolve differences.")
    assert coded("Kenya and Somalia established diplomatic relations.")[0][1] == "SUPPORT"
    assert [c[1] for c in coded("Thailand gave these people back to China.")] == ["COERCE"]


def test_an_act_given_as_an_example_is_no_act_told():
    assert coded("The EU is weighing measures such as imposing tariffs on Chinese cars.") == []
    assert coded("\"Egypt is acting against Turkey because of Turkey's wrong policy, like "
                 "supporting the Muslim Brotherhood,\" the admiral said.") == []


def test_supporting_or_defending_a_value_is_a_stance_not_an_act_toward_anyone():
    assert coded("The United States and its allies will have to take steps to defend their "
                 "security, Wood said.") == []
    assert coded("Germany pledged on Monday to support peace and stability in the region.") == []
    assert ("support", "SUPPORT", "DEU", "UKR", "planned") in coded(
        "Germany pledged on Monday to support Ukraine.")


def test_a_cargo_delivered_is_commerce_not_aid():
    assert coded("Chinese firms delivered an unknown cargo to Iran on Monday.") == []
    assert [c[1] for c in coded("The U.N. delivered food to Gaza on Monday.")] == ["AID"]


def test_what_a_meeting_is_on_is_its_topic_not_a_party():
    assert ("meeting", "CONSULT", "IGOUNO", None, "asserted") in coded(
        "The U.N. Security Council held a meeting on Afghanistan on Monday.")
    assert ("talks", "CONSULT", "USAGOV", "RUS", "asserted") in coded(
        "U.S. officials held talks with Russia on Monday.")


def test_who_answers_a_demand_is_whom_it_was_made_of():
    assert ("request", "DEMAND", "KEN", "IGOICJ", "asserted") in coded(
        "The International Court of Justice rejected Kenya's request to delay the hearing.")
    assert ("demands", "DEMAND", "PAKREB", "PAKGOV", "asserted") in coded(
        "Pakistani officials have not responded to the Baloch Liberation Army's demands.")
    # the court's president presides over the court, whoever's president the story's is
    found = coded("Kenya boycotted the International Court of Justice hearing on Monday. The "
                  "court's president, Judge Joan Donoghue, rejected Kenya's request to brief it.")
    assert ("request", "DEMAND", "KEN", "IGOICJ", "asserted") in found
    assert ("rejected", "REJECT", "IGOICJ", "KEN", "asserted") in found
    # a demand the subject makes itself is not answered by it
    assert ("demand", "DEMAND", "USAGOV", None, "asserted") in coded(
        "U.S. officials repeated their demand on Monday.")


def test_the_maker_of_a_weapon_tested_or_deployed_is_no_party():
    assert ("testing", "MOBILIZE", "TURGOV", None, "asserted") in coded(
        "Ankara is testing a Russian anti-aircraft weapon system, Turkish officials said.")
    assert ("deployed", "MOBILIZE", "RUS", "UKR", "asserted") in coded(
        "Russia deployed Iranian drones against Ukraine on Monday.")


def test_land_given_up_is_no_party_and_whom_it_goes_to_is():
    found = coded("British officials said Britain will cede sovereignty of the Chagos Islands "
                  "to Mauritius.")
    assert [(w, s, g) for w, _, s, g, _ in found if w == "cede"] == [("cede", "GBR", "MUS")]


def test_whom_aid_is_given_to_help_is_its_recipient():
    found = coded("The U.S. government has provided training and equipment, and funded "
                  "construction to assist the Haitian National Police, the embassy said.")
    assert [(w, t, s, g) for w, t, s, g, _ in found if w == "provided"] == [
        ("provided", "AID", "USAGOV", "HTICOP")]


def test_people_blocked_are_restricted_and_a_bill_proposes_no_act():
    found = coded("Journalists have been blocked and harassed by Cambodian police while "
                  "covering events, media groups said.")
    assert [(w, t) for w, t, *_ in found if w == "blocked"] == [("blocked", "COERCE")]
    assert [t for w, t, *_ in coded("The U.S. blocked the resolution at the U.N. Security "
                                    "Council on Monday.") if w == "blocked"] == ["REJECT"]
    assert coded("Several other sanctions bills proposing draconian measures against Turkey "
                 "are pending in Congress.") == []


def test_whom_an_act_is_meant_for_linked_to_or_done_by_in_a_participle():
    assert ("launch", "MOBILIZE", "PRK", "USA", "hypothetical") in coded(
        "A U.S. general said he is expecting North Korea to launch a long-range missile as a "
        "\"Christmas gift\" to the U.S.")
    assert ("allegations", "DISAPPROVE", "PAKMIL", "AFG", "asserted") in coded(
        "\"We reject baseless allegations by Pakistani army spokesperson linking the attack on "
        "a train in Balochistan province with Afghanistan,\" the Afghan foreign ministry said.")
    found = coded("Rights groups filed lawsuits against DHS. DHS officials have denied the "
                  "allegations while criticizing the groups bringing the lawsuits.")
    assert [(w, s) for w, _, s, *_ in found if w == "lawsuits"] == [("lawsuits", "NGOHRI")]


def test_one_who_finds_itself_excluded_is_acted_on():
    found = coded("Turkey found itself excluded from joint air exercises with its NATO "
                  "partners, analysts said.")
    assert [(w, t, s, g) for w, t, s, g, _ in found if w == "excluded"] == [
        ("excluded", "SANCTION", None, "TUR")]


def test_a_people_that_protests_is_its_civilians_and_a_state_protests_at_no_one_named():
    assert ("protesting", "PROTEST", "SDNCVL", "SDNGOV", "asserted") in coded(
        "Tens of thousands of Sudanese began protesting late last year over rising food "
        "prices.")
    assert coded("Kenya protested the decision on Monday.") == [
        ("protested", "PROTEST", "KEN", None, "asserted")]


def test_those_gathered_where_an_attack_struck_are_its_target():
    assert ("attacked", "ASSAULT", "IMGSHB", "SOMCVL", "asserted") in coded(
        "Somali officials said six al-Shabab militants attacked a hotel where traditional "
        "elders and Somali security officials were meeting.")


def test_goods_described_by_where_they_go_are_no_trade_act():
    assert [w for w, *_ in coded("Washington imposed a 25% tariff on all products exported to "
                                 "the United States from Canada.")] == ["imposed"]
    assert ("exported", "COOPERATE", "CAN", "USA", "asserted") in coded(
        "Canada exported oil worth $10 billion to the United States last year.")


def test_the_government_is_the_last_government_named_as_one():
    assert ("demanded", "DEMAND", "PHLGOV", "CHNGOV", "asserted") in coded(
        "The Philippine government reported that more than 250 vessels had been spotted near "
        "six reefs. The government, which believed the vessels were operated by the Chinese "
        "military, demanded that Beijing remove them immediately.")
    # whose government a phrase says is that one's
    assert ("cooperate", "COOPERATE", "AFG", "PAKGOV", "hypothetical") in coded(
        "The Afghan government denied the charge. \"We urge Afghanistan to cooperate with the "
        "government of Pakistan,\" the Pakistani foreign ministry said.")


def test_whoever_regrets_a_refusal_is_the_one_refused():
    assert ("participate", "REJECT", "KEN", "IGOICJ", "asserted") in coded(
        "Kenya boycotted the International Court of Justice hearing. \"The court regrets the "
        "decision of Kenya not to participate in the oral proceedings,\" she said.")
    assert ("participate", "REJECT", "KENGOV", None, "asserted") in coded(
        "Kenya regrets the decision of its government not to participate in the talks.")


def test_dropping_an_economic_measure_eases_sanctions_and_the_measure_is_no_act():
    assert coded("The EU dropped its tariffs on Chinese cars.") == [
        ("dropped", "RETREAT", "IGOEUR", "CHN", "asserted")]
    assert coded("Washington ended sanctions on Syria.") == [
        ("ended", "RETREAT", "USAGOV", "SYR", "asserted")]
    # a ban or a curfew is an administrative measure (CAMEO 081)
    assert coded("The government scrapped the curfew in Nairobi.")[0][:2] == (
        "scrapped", "CONCEDE")
    # an act a lobby asks for is not done
    assert ("abandon", "RETREAT", "IGOEUR", None, "hypothetical") in coded(
        "China urged the EU to abandon the tariffs.")
    assert coded("Wang Wentao visited Europe to lobby the EU to abandon the tariffs.")[-1] == (
        "abandon", "RETREAT", "IGOEUR", None, "hypothetical")


def test_an_example_a_state_verb_lists_is_no_act():
    assert [w for w, *_ in coded(
        "Xi called on them to show talent in overcoming challenges such as an economic "
        "slowdown and U.S. restrictions on Chinese business.")] == ["called"]
    assert "restrictions" in [w for w, *_ in coded(
        "Xi complained about challenges such as an economic slowdown and U.S. restrictions on "
        "Chinese business.")]


def test_a_call_on_no_one_named_is_the_call_alone():
    assert coded("German Chancellor Olaf Scholz said talks with China must continue.") == [
        ("continue", "DEMAND", "DEUGOV", None, "asserted")]
    # attacks with a doer named are the doer's, whatever is asked of them
    assert ("attacks", "ASSAULT", "RUS", "UKRGOV", "asserted") in coded(
        "Scholz said Russia's attacks on Kyiv must stop.")


def test_a_plan_announced_is_what_it_plans():
    assert coded("The Trump administration announced plans to use the U.S. naval base at "
                 "Guantanamo Bay to hold migrants.") == []
    assert coded("Russia announced plans to deploy troops to Belarus.") == [
        ("deploy", "MOBILIZE", "RUS", None, "planned")]


def test_a_delegation_led_or_sent_is_the_visitors_own():
    assert coded("Marco Rubio led a U.S. delegation to Beijing.", "2025-03-10") == [
        ("led", "CONSULT", "USAGOV", "CHNGOV", "asserted")]
    assert coded("Rubio sent a U.S. delegation to Beijing.", "2025-03-10") == [
        ("sent", "CONSULT", "USAGOV", "CHNGOV", "asserted")]
    assert coded("China sent a delegation to Kenya.") == [
        ("sent", "CONSULT", "CHN", "KEN", "asserted")]
    assert coded("Hamas led an attack on Israeli towns.")[0][:2] == ("led", "ASSAULT")


def test_a_thing_that_demands_is_no_one_demanding():
    assert coded("The Kenyan judge said public interest demands that the office of the "
                 "deputy president should not remain vacant.") == []
    assert ("seize", "COERCE", "KENGOV", None, "hypothetical") in coded(
        "The new Kenyan law requires the government to seize assets.")
    # warnings that demand are their speaker's
    assert ("demanding", "DEMAND", "PRKGOV", "USAGOV", "asserted") in coded(
        "Pyongyang issued a series of warnings demanding that Washington change its stance.",
        "2019-12-10")


def test_they_after_people_joined_are_those_people_not_where_they_met():
    found = coded("Putin and Xi met at the Singapore summit in June. Their second summit was "
                  "in February in Hanoi.")
    assert found[-1] == ("summit", "CONSULT", "RUSGOV", None, "asserted")
    assert all(source != "SGP" for _, _, source, _, _ in found)
    assert coded("Putin met with Xi in June. Their second summit was in Hanoi.")[-1][2] == \
        "RUSGOV"
    assert coded("The U.S. summit with Russia failed.") == [
        ("summit", "CONSULT", "USA", "RUS", "asserted")]


def test_one_who_could_find_itself_excluded_is_not_yet_excluded():
    assert coded("Turkey found itself excluded from the talks.") == [
        ("excluded", "SANCTION", None, "TUR", "asserted")]
    # one that may come, with no one said to exclude it, is no act to record
    assert coded("Turkey may find itself excluded from the talks.") == []


def test_backing_ones_own_claims_is_arguing_a_case():
    assert [w for w, *_ in coded("Beijing cites historic records to back its claims and has "
                                 "rejected the arbitral ruling.")] == ["rejected"]
    assert "defended" not in [w for w, *_ in coded("Kenya defended its decision to close "
                                                   "the camps.")]
    assert coded("Russia backed China's claims to the sea.") == [
        ("backed", "SUPPORT", "RUS", "CHN", "asserted")]


def test_people_a_participle_describes_do_what_it_says():
    assert coded("There have been some Turkish and Egyptian intelligence officers talking "
                 "together, said an adviser.") == [
        ("talking", "CONSULT", "TURSPY", "EGYSPY", "asserted")]
    assert coded("Kenyan police dispersed the protesting farmers.") == [
        ("protesting", "PROTEST", "KENCVL", "KENGOV", "asserted")]
    # a gerund before a noun that names no one is a kind of thing, no act
    assert coded("Kenya sent its negotiating team to Doha.") == []
    # a thing's participle is no act of the thing: the warnings are their issuer's
    assert ("demanding", "DEMAND", "PRKGOV", "USAGOV", "asserted") in coded(
        "Pyongyang issued a series of warnings demanding that Washington change its stance.",
        "2019-12-10")


def test_a_tariff_fight_is_no_violence():
    assert coded("Trump has been waging a tariff fight with Mexico and Canada.") == []
    assert coded("Somali troops and al-Shabab fighters clashed. The fight between Somali troops "
                 "and al-Shabab lasted hours.")[-1][:4] == (
        "fight", "ASSAULT", "SOMMIL", "IMGSHB")


def test_independence_acceded_to_and_unrest_not_allowed_are_no_concessions():
    assert coded("The ICJ ruled that decolonization was not lawfully completed when Mauritius "
                 "acceded to independence.") == []
    assert coded("Netanyahu said Israel will not allow violent disturbances.",
                 "2023-04-09") == []
    assert coded("Kenya acceded to the demands of the opposition.") == [
        ("acceded", "CONCEDE", "KEN", "KENOPP", "asserted")]


def test_a_markets_demand_is_no_call_and_owners_and_companies_are_the_storys_business():
    assert coded("The owner in Kabul said businesses are struggling under the Taliban, but "
                 "there is an increased demand for books.", "2024-06-14") == []
    assert coded("Indonesia's governor urged owners of food stalls to substitute other "
                 "meats.")[0][:4] == ("urged", "DEMAND", "IDNGOV", "IDNBUS")


def test_protests_over_a_war_are_not_against_the_protesters_own_government():
    found = coded("The arrest of Palestinian activist Mahmoud Khalil, who played a prominent "
                  "role in last year's Columbia University protests over the war in Gaza, has "
                  "prompted questions.", "2025-03-13")
    assert [t for w, _, s, t, _ in found if w == "protests"] == [None]
    assert ("protesting", "PROTEST", "SDNCVL", "SDNGOV", "asserted") in coded(
        "Tens of thousands of Sudanese began protesting late last year in anger over rising "
        "food prices.", "2019-04-11")


def test_a_court_recognized_is_no_diplomatic_recognition():
    assert coded("Dodik's lawyer said Dodik does not recognize the Bosnian court.",
                 "2025-03-10") == []
    # nor does a manner restore anything
    assert "restores" not in triggers(
        "Pedersen said Friday that recent agreements between Syria's transitional authorities "
        "and an armed group, the Syrian Democratic Forces (SDF), \u201care a positive reminder "
        "of how important it is that Syria comes together in a manner that truly restores its "
        "sovereignty, unity, independence and territorial integrity.\u201d")


def test_access_granted_lets_someone_in():
    assert coded("The Taliban will no longer grant U.N. monitors access to Afghanistan.",
                 "2025-03-10")[0][:3] == ("grant", "RETREAT", "AFGGOV")


def test_people_flown_somewhere_are_carried_not_visiting():
    assert coded("Two U.S. defense officials said 40 detainees were flown to Louisiana.") == []
    assert "flying" not in [w for w, *_ in coded(
        "DHS officials removed all 40 remaining migrants from Guantanamo Bay, flying them "
        "instead to the U.S.")]
    assert coded("Marco Rubio flew to Beijing.", "2025-03-10") == [
        ("flew", "CONSULT", "USAGOV", "CHNGOV", "asserted")]


def test_a_clause_a_misread_report_tells_keeps_its_own_subject():
    assert coded("British media report that Britain will cede sovereignty of the Chagos "
                 "Islands.") == [("cede", "RETREAT", "GBR", None, "planned")]


def test_a_terrorist_strike_is_an_attack_and_its_anniversary_no_act():
    assert coded("Afghan militants launched terrorist strikes against the U.S.")[-1][:2] == (
        "strikes", "ASSAULT")
    assert coded("Kenyan teachers went on strike against the government's pay plan.") == [
        ("strike", "PROTEST", "KEN", "KENGOV", "asserted")]
    assert coded("Saturday marked the anniversary of Russia's invasion of Ukraine.") == []


def test_hearing_reports_investigates_nothing():
    assert "hearing" not in triggers("“We are hearing increasing reports of violence against "
                                     "detainees,” the Myanmar official said.")


def test_withdrawing_from_a_role_is_no_retreat_of_forces():
    assert coded("He wants Japan to be prepared for any eventualities, including the retreat "
                 "of the United States from global leadership.") == []
    assert coded("Russian troops retreated from Kherson.") == [
        ("retreated", "RETREAT", "RUSMIL", None, "asserted")]


def test_protests_a_crackdown_puts_down_are_its_target_not_an_act_told():
    assert "protests" not in triggers("Police launched a crackdown on protests in Nairobi.")


def test_joining_protests_is_demonstrating():
    assert coded("Thousands of Kenyans joined protests against the government in Nairobi.") == [
        ("joined", "PROTEST", "KENCVL", "KENGOV", "asserted")]


def test_something_compromised_is_put_at_risk_and_one_who_compromises_concedes():
    assert "compromised" not in triggers(
        "Trump blocked the Turkish sale, over concerns the fighter jet's stealth technology "
        "could be compromised by the Russian missile's advanced radar system.")
    assert coded("Kenya compromised on the maritime border.") == [
        ("compromised", "CONCEDE", "KEN", None, "asserted")]


def test_a_detention_judged_and_a_permission_by_no_one_are_no_acts():
    assert coded("Kenyan police detained a Somali journalist on Monday. The Somali "
                 "journalist's detention is arbitrary, the Kenyan court said.") == [
        ("detained", "COERCE", "KENCOP", "SOMMED", "asserted")]
    assert coded("Previously, Italian residents had also been allowed to return.") == []
    assert coded("Foreign journalists were allowed into Gaza by Israel.") == [
        ("allowed", "CONCEDE", "ISR", "PSE", "asserted")]


def test_a_parliament_extending_a_term_demands_nothing():
    assert coded("Somalia's lower house voted to extend the president's mandate.") == []


def test_who_works_to_secure_a_release_does_not_release():
    assert coded("The son of imprisoned Hong Kong publisher Jimmy Lai brought the campaign to "
                 "secure his father's release to the Trump administration.") == []


def test_of_a_joint_act_the_country_the_story_named_first_is_the_source():
    assert ("signed", "SUPPORT", "KEN", "SOM", "asserted") in coded(
        "Kenya and Somalia restored ties in May. Somalia's president later visited Kenya's"
        " capital. Both countries signed a trade pact.")


def test_many_shot_after_those_singled_out_are_of_them():
    assert ("shooting", "ASSAULT", "PAKREB", "PAKMIL", "asserted") in coded(
        "Survivors said the Baloch Liberation Army attackers singled out Pakistani soldiers and"
        " Punjabi passengers, shooting many.", "2025-03-12")


def test_a_second_summit_is_with_whom_the_first_was():
    assert ("summit", "CONSULT", "USAGOV", "PRKGOV", "planned") in coded(
        "U.S. President Donald Trump praised his first summit with North Korean leader Kim Jong"
        " Un and said his administration was working on a second summit.", "2020-02-14")


def test_who_was_there_during_an_arrest_did_not_make_it():
    found = coded("Zimbabwean journalist Blessed Mhlanga took photos of Zimbabwean police during"
                  " the arrest of an opposition lawmaker in Harare.", "2024-03-10")
    assert all(source != "ZWEMED" for word, _, source, *_ in found if word == "arrest")
    assert any(word == "arrest" for word, *_ in found)


def test_an_act_says_nothing():
    assert triggers("Zimbabwean journalist Blessed Mhlanga was detained on Monday. The arrest"
                    " of Mhlanga sent a chilling message to other journalists.") == [
        "detained", "arrest"]


def test_lifting_a_measure_placed_on_someone_is_aimed_at_them():
    assert ("lift", "RETREAT", "USA", "PRK", "hypothetical") in coded(
        "The U.S. could lift sanctions placed on North Korea's major export commodities.",
        "2025-03-10")


def test_a_delegation_sent_to_attend_an_inauguration_visits_its_host():
    assert ("sent", "CONSULT", "USAGOV", "TWNGOV", "asserted") in coded(
        "The White House sent an unofficial delegation to attend the inauguration of Taiwan's"
        " new president on May 20.", "2024-06-02")


def test_whose_deaths_an_attack_resulted_in_it_struck():
    assert ("launched", "ASSAULT", "SOMMIL", "IMGSHB", "asserted") in coded(
        "Somali forces launched an airstrike that resulted in the deaths of 10 al-Shabab"
        " fighters.", "2025-03-10")


@pytest.mark.parametrize(("sister", "target"), [
    ("lease back Diego Garcia from Mauritius", "MUS"),
    ("pay Mauritius around $116 million a year", "MUS"),
    ("keep Diego Garcia", None),  # land kept is no party
])
def test_a_cession_goes_to_the_other_party_of_the_same_deal(sister, target):
    assert ("cede", "RETREAT", "GBR", target, "planned") in coded(
        f"Britain will cede sovereignty of the Chagos Islands and {sister}.", "2025-03-10")


def test_a_visit_for_ties_with_a_country_is_paid_to_it():
    assert ("visit", "CONSULT", "JPNGOV", "IND", "planned") in coded(
        "Analysts said Japanese Prime Minister Yoshihide Suga's expected visit is aimed at"
        " boosting cooperation with India.", "2021-03-20")
    # talking about ties is no visit
    assert not [c for c in coded("As the White House talks about restoring cooperation with"
                                 " Russia, officials hint at easing sanctions.", "2025-03-10")
                if c[0] == "talks" and c[3] == "RUS"]


def test_him_never_stands_for_a_group():
    found = coded("Rights organizations have condemned the journalist's arrest and urged the "
                  "Zimbabwean government to drop all charges against him.", "2025-03-10")
    assert ("drop", "CONCEDE", "ZWEGOV", None, "hypothetical") in found


def test_what_commentators_say_another_is_doing_now_is_their_reading():
    assert coded("Analysts suggest Erdogan is looking for a way to turn that policy back.",
                 "2019-10-10") == []
    assert coded("Analysts point out that India backs the continuation of the military base "
                 "in Diego Garcia.", "2024-10-10") == []
    # an act they report done, or one they foresee, is still told
    assert [c[1] for c in coded("Analysts said Tehran agreed to talks.", "2019-10-10")] \
        == ["AGREE"]
    assert [c[1:] for c in coded("Analysts say Tehran would agree to talks.", "2019-10-10")] \
        == [("AGREE", "IRNGOV", None, "hypothetical")]


def test_a_court_that_halts_something_orders_it():
    assert coded("A Kenyan court suspended the impeachment proceedings until it could hear "
                 "the case.", "2024-10-10") == [
        ("suspended", "DEMAND", "KENJUD", None, "asserted")]
    assert coded("Kenya suspended ties with Somalia.", "2024-10-10") == [
        ("suspended", "SANCTION", "KEN", "SOM", "asserted")]


def test_people_freed_by_no_one_named_in_a_story_of_a_rescue_were_rescued():
    assert "freed" not in [c[0] for c in coded(
        "The Pakistani military rescued 190 passengers. Chaudhry said 354 Pakistani passengers "
        "were freed.", "2025-03-12")]
    assert "freed" not in [c[0] for c in coded(
        "However, Pakistani security sources say the military rescued all the passengers freed "
        "so far.", "2025-03-12")]
    assert coded("Chaudhry said 354 Pakistani passengers were freed.", "2025-03-12") == [
        ("freed", "RETREAT", None, "PAKCVL", "asserted")]
    assert ("freed", "RETREAT", "PAKREB", "PAKCVL", "asserted") in coded(
        "The Pakistani military rescued 190 passengers. BLA militants said they freed dozens "
        "of Pakistani women.", "2025-03-12")


def test_analogies_general_rules_baselines_and_measures_held_are_no_acts():
    assert coded("It is kind of like the government is prosecuting a case, and the judge is "
                 "also the government, Dakin-Grimm said.", "2025-03-12") == []
    assert coded("In the criminal justice system, if a person cannot afford an attorney, the "
                 "U.S. government must provide a public defender.", "2025-03-12") == []
    assert coded("The United Nations was already providing assistance to 1 million people in "
                 "Myanmar before the coup.", "2021-02-10") == []
    assert coded("The U.S.-EU spirits sector is the model for fair trade, having "
                 "zero-for-zero tariffs since 1997.", "2025-03-12") == []
    # a condition on a named actor is a real one; a programme told at its time is an act
    assert ("provide", "AID", "USA", "UKR", "hypothetical") in coded(
        "If Russia attacks Ukraine, the U.S. must provide arms to Ukraine.", "2025-03-12")
    assert [c[1] for c in coded("The United Nations was providing assistance to 1 million "
                                "people in Myanmar last week.", "2021-02-10")] == ["AID"]


def test_a_counterpart_of_a_country_holds_the_same_kind_of_office_there():
    assert coded("Blinken met his Chinese counterpart on Friday.", "2024-10-10") == [
        ("met", "CONSULT", "USAGOV", "CHNGOV", "asserted")]
    assert ("appeal", "DEMAND", "USAGOV", "CHNGOV", "asserted") in coded(
        "\"So I appeal to my Chinese colleague to understand that the United States will act,\" "
        "U.S. Deputy Ambassador Robert Wood said.", "2024-10-10")


def test_measures_one_could_retaliate_with_are_a_threat():
    assert coded("Beijing has hinted that it could retaliate with tariffs on German and Italian "
                 "vehicles.", "2024-10-12") == [
        ("tariffs", "THREATEN", "CHNGOV", "DEU", "asserted")]
    assert coded("China retaliated with tariffs on German vehicles.", "2024-10-12") == [
        ("tariffs", "COERCE", "CHN", "DEU", "asserted")]


def test_agreeing_with_an_act_shares_a_view_and_with_an_offer_accepts_it():
    assert coded("Public opinion has been mixed, with some Kenyans telling VOA they agree with "
                 "the removal of Gachagua.", "2024-10-12") == []
    assert [c[1:3] for c in coded("Joly said all G7 foreign ministers agree with the U.S. "
                                  "proposal of a ceasefire.", "2025-03-14")] \
        == [("AGREE", "IGOG7")]


def test_a_subheading_read_as_a_clause_reports_no_act():
    assert coded("Chinese demand The changes in Japanese immigration policy have come with "
                 "consequences.", "2024-10-12") == []


def test_he_after_a_sentence_whose_subject_is_he_is_whom_that_he_stands_for():
    found = coded("Haitian President Jovenel Moise tweeted condemnation. \"We condemn the "
                  "jailbreak,\" he tweeted. Earlier this week, he was criticized by United "
                  "Nations representatives at a U.N. Security Council meeting.", "2021-02-26")
    assert ("criticized", "DISAPPROVE", "IGOUNO", "HTIGOV", "asserted") in found


def test_people_acted_on_where_no_one_is_named_are_the_places_civilians():
    assert ("distributed", "AID", "IGOUNO", "MWICVL", "asserted") in coded(
        "Cyclone Freddy hit Malawi. The World Food Program on Thursday distributed some relief "
        "items to affected people in Mulanje district.", "2023-03-20")


def test_a_thing_that_offers_is_no_actor_offering():
    assert coded("Both Dadaab and Kakuma camps opened in the 1990s, offering UNHCR-administered "
                 "havens to people fleeing civil wars in Somalia and Sudan.", "2021-03-25") == []
    assert ("offering", "AGREE", "IGOUNO", "SOMREF", "asserted") in coded(
        "The United Nations opened an office in Nairobi, offering aid to Somali refugees.",
        "2021-03-25")


def test_a_country_unnamed_is_no_thing():
    assert [c[1] for c in coded("Thai officials later acknowledged that some other country "
                                "had offered to take in the Uyghurs.", "2025-03-12")] == ["AGREE"]


def test_giving_up_weapons_is_no_gift_and_an_effort_to_make_one_act_names_a_purpose():
    assert [c[:2] for c in coded("North Korea agreed to give up its nuclear weapons.",
                                 "2019-12-12")] == [("give", "RETREAT")]
    assert [c[:2] for c in coded("The U.N. Security Council ramped up sanctions on North Korea "
                                 "in 2016 in an effort to make the country give up its nuclear "
                                 "weapons program.", "2019-12-12")] == [("sanctions", "COERCE")]


def test_opposing_any_attempt_is_a_stance_not_a_refusal():
    assert coded("The G7 ministers strongly opposed any attempts by China to alter the status "
                 "quo.", "2025-03-14") == []
    assert coded("China's U.N. mission opposed Malaysia's submission.", "2025-03-14") == [
        ("opposed", "REJECT", "CHNGOV", "MYS", "asserted")]


def test_companies_schools_and_charities_mobilize_no_forces():
    assert coded("\"We really need to ramp up the speed at which we're deploying them,\" says "
                 "David Waskow of the World Resources Institute, referring to renewable energy.",
                 "2024-11-20") == [("need", "DEMAND", "NGOENV", None, "asserted")]
