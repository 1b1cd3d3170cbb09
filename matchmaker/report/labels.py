"""The report's own words (headings, column names), in Korean and English.

The data keeps its own language: a demand written in English stays English on a Korean
page. Only what the report itself says is translated here.
"""

from __future__ import annotations

# name: (Korean, English)
LABELS: dict[str, tuple[str, str]] = {
    "title": ("지역상생 협력사업 매칭 보고서", "Inter-regional cooperation: planner's report"),
    "lead": (
        "지역의 수요 제안과 서울시 협력사업을 수요 적합도·장기 가치·시너지로 맞추고, "
        "예산과 정원 안에서 배정한 결과입니다.",
        "Regions' demand proposals matched to Seoul's cooperation projects by demand fit, "
        "long-term value and synergy, and allocated within budgets and capacities.",
    ),
    "contents": ("차례", "Contents"),
    "summary": ("요약", "Summary"),
    "heatmap": ("수요 × 사업 점수", "Scores by demand and project"),
    "heatmap_note": (
        "칸의 숫자는 총점(0–100)입니다. 굵은 테두리는 배정된 쌍, 빈 칸(–)은 대상이 아닌 쌍입니다.",
        "Each cell is the total score (0–100). A thick border marks the assigned "
        "pair; a dash, a pair that is not eligible.",
    ),
    "map": ("시·도별 현황", "By province"),
    "map_note": (
        "시·도마다 같은 크기의 칸으로 그린 지도(타일 지도)입니다.",
        "A tile map: every province gets one tile of the same size.",
    ),
    "measure": ("색으로 나타낼 값", "Colour by"),
    "measure_demands": ("수요 수", "Demands"),
    "measure_assignments": ("배정 수", "Assignments"),
    "measure_krw": ("배정 예산", "KRW assigned"),
    "measure_unmet_share": ("미충족 수요 비율", "Share unmet"),
    "gaps": ("충족되지 않은 수요", "Unmet demand"),
    "gaps_note": (
        "어떤 사업도 기준 적합도에 이르지 못한 수요(미충족)와 기준을 겨우 넘는 수요(약한 충족)를 "
        "비슷한 필요끼리 묶었습니다. 새 사업을 수요에서 설계하는 출발점입니다.",
        "Demands no project reaches the fit threshold for (unmet) and those served only "
        "weakly, grouped by similar need: where a new project could be designed from demand.",
    ),
    "gaps_heat": ("주제 × 시·도별 미충족 수요", "Unmet demand by theme and province"),
    "none_unmet": ("모든 수요에 잘 맞는 사업이 있습니다.", "Every demand is well served."),
    "representatives": ("대표 수요", "Representative demands"),
    "survey": ("수요 조사", "Demand survey"),
    "survey_note": (
        "제안된 수요 전체와, 강한 매칭(수요 적합도 45점 이상)이 있는 수요·없는 수요를 "
        "나누어 셉니다. 한 수요가 여러 주제·분야에 들 수 있습니다.",
        "All demands, and those with and without a strong match (demand fit 45 or more), "
        "counted; a demand may count in several themes and areas.",
    ),
    "gaps_sheet": ("미충족 수요", "unmet demand"),
    "survey_sheet": ("수요 조사", "survey"),
    "cluster": ("군집", "Cluster"),
    "label": ("이름", "Label"),
    "closest": ("가장 가까운 사업", "Closest project"),
    "why_short": ("부족한 이유", "Why it falls short"),
    "policy_area": ("정책 분야", "Policy area"),
    "decline_share": ("인구감소지역 비율", "Share from decline areas"),
    "budget_requested": ("요청 예산(연)", "Budget requested (a year)"),
    "dimension": ("항목", "Dimension"),
    "theme": ("주제", "Theme"),
    "decline_marker": ("인구감소지역의 수요 수", "Demands from population-decline areas"),
    "other_provinces": ("지도에 없는 시·도", "Provinces not on the map"),
    "allocation": ("배정표", "Allocation"),
    "filter": ("검색", "Filter"),
    "filter_placeholder": ("지역, 수요, 사업…", "region, demand, project…"),
    "decline_only": ("인구감소지역만", "Population-decline areas only"),
    "rows_shown": ("건 표시", "rows shown"),
    "sort_hint": ("열 제목을 누르면 정렬됩니다.", "Click a column heading to sort."),
    "unassigned": ("미배정 수요", "Unassigned demands"),
    "none_unassigned": ("모든 수요가 배정되었습니다.", "Every demand received a project."),
    "matches": ("수요별 추천 사업", "Top matches per demand"),
    "none_eligible": ("대상이 되는 사업이 없습니다.", "No project is eligible for this demand."),
    "matches_note": (
        "수요마다 점수가 높은 사업 세 개와 그 근거, 가중치가 바뀌어도 추천이 "
        "유지되는지(민감도)를 보여 줍니다.",
        "For each demand, the three best projects with their reasons, and whether "
        "the recommendation holds as the weights change (sensitivity).",
    ),
    "equity": ("형평성 점검", "Equity audit"),
    "inputs": ("입력과 옵션", "Inputs and options"),
    "demand": ("수요", "Demand"),
    "demands": ("수요", "Demands"),
    "proposals": ("제안서", "Proposals"),
    "regions": ("지역", "Regions"),
    "region": ("지역", "Region"),
    "province": ("시·도", "Province"),
    "project": ("사업", "Project"),
    "projects": ("사업", "Projects"),
    "score": ("점수", "Score"),
    "cost": ("비용(원)", "Cost (KRW)"),
    "krw": ("예산(원)", "KRW"),
    "decline": ("인구감소지역", "Population-decline area"),
    "yes": ("예", "yes"),
    "no": ("아니요", "no"),
    "reason": ("사유", "Reason"),
    "reasons": ("근거", "Reasons"),
    "code": ("코드", "Code"),
    "assignments": ("배정", "Assignments"),
    "budget_used": ("사용 예산", "Budget used"),
    "budget": ("예산 한도", "Budget"),
    "no_budget": ("한도 없음", "no limit"),
    "rules": ("배정 조건", "Allocation rules"),
    "unknown_costs": ("비용 미상", "Unknown costs"),
    "objective": ("목적값", "Objective"),
    "optimal": ("최적해 증명됨", "proven optimal"),
    "time_limit": ("시간 제한으로 중단, 격차", "stopped at the time limit, gap"),
    "fragile_count": ("불안정한 추천", "fragile recommendations"),
    "profile": ("프로필", "Profile"),
    "weights": ("가중치", "Weights"),
    "demand_fit": ("수요 적합도", "Demand fit"),
    "long_term": ("장기 가치", "Long-term value"),
    "synergy": ("시너지", "Synergy"),
    "confidence": ("신뢰도", "Confidence"),
    "rank": ("순위", "Rank"),
    "priority": ("우선순위", "Priority"),
    "assigned": ("배정됨", "assigned"),
    "no_suitable": ("적합한 사업 없음", "no suitable project"),
    "not_computed": ("계산하지 않음(--draws 0)", "not computed (--draws 0)"),
    "suitable": ("적합", "Suitable"),
    "fragile": ("불안정", "fragile"),
    "first_share": ("가중치 추첨에서 1위", "first in weight draws"),
    "top3_share": ("3위 안", "in the top 3"),
    "intervals": ("1위가 유지되는 가중치 범위", "Weights within which the top project stays first"),
    "draws": ("추첨", "draws"),
    "seed": ("시드", "seed"),
    "by_province": ("시·도별 배정", "Assignments by province"),
    "by_province_krw": ("시·도별 배정 예산", "KRW by province"),
    "by_region_kind": ("지역 유형별 배정", "Assignments by region kind"),
    "shares": ("배정과 예산의 비율", "Shares of assignments and KRW"),
    "shares_assignments": ("배정 건수의 비율", "Share of assignments"),
    "shares_krw": ("배정 예산의 비율", "Share of KRW"),
    "share_assignments": ("배정 비율", "share of assignments"),
    "share_krw": ("예산 비율", "share of KRW"),
    "population_decline": ("인구감소지역", "Population-decline areas"),
    "earlier_ties": ("기존 교류 지역", "Regions with earlier ties"),
    "new_partners": ("새 협력 지역", "New partners"),
    "fairness_prices": (
        "형평성 조건의 비용(목적값 손실)",
        "Price of each fairness rule (objective lost)",
    ),
    "no_fairness": ("형평성 조건을 걸지 않았습니다.", "No fairness rule was set."),
    "capacity_used": ("사업별 정원 사용", "Capacity used per project"),
    "unlimited": ("제한 없음", "unlimited"),
    "synergy_pairs": (
        "한 지역에 함께 배정된 보완 사업",
        "Complementary projects given to one region",
    ),
    "file": ("파일", "File"),
    "sha256": ("SHA-256", "SHA-256"),
    "option": ("옵션", "Option"),
    "value": ("값", "Value"),
    "tool": ("도구", "Tool"),
    "footer": (
        "같은 입력과 옵션은 언제나 같은 보고서를 만듭니다. 입력 파일의 SHA-256은 "
        "‘입력과 옵션’에 있습니다.",
        "The same inputs and options always give the same report; the SHA-256 of every "
        "input is listed under ‘Inputs and options’.",
    ),
    "kind_province": ("광역", "province"),
    "kind_si": ("시", "si (city)"),
    "kind_gun": ("군", "gun (county)"),
    "kind_gu": ("자치구", "gu (district)"),
    "count_unit": ("건", ""),
    "summary_sheet": ("요약", "summary"),
    "matches_sheet": ("매칭", "matches"),
    "allocation_sheet": ("배정", "allocation"),
    "unassigned_sheet": ("미배정", "unassigned"),
    "equity_sheet": ("형평성", "equity"),
    "inputs_sheet": ("입력", "inputs"),
    "section": ("구분", "Section"),
    "item": ("항목", "Item"),
    "name": ("이름", "Name"),
    "proposal": ("제안서", "Proposal"),
    "region_code": ("지역 코드", "Region code"),
    "project_name": ("사업 이름", "Project name"),
    "title_col": ("수요 제목", "Demand title"),
    "status": ("상태", "Status"),
    "history": ("이전 회차의 기록", "Earlier rounds"),
    "history_note": (
        "--history로 읽은 이전 회차의 결정과 결과입니다. 지역마다 회차별로 지원받은 짝과 "
        "그 뒤 해마다 보고된 결과(목표 달성, 지원 종료 뒤 협력 지속)를, 사업마다 목표 "
        "달성률을 보여 줍니다.",
        "The decisions and results of earlier rounds read with --history: for each region, the "
        "pairs funded round by round and the results reported each year after (targets met, "
        "cooperation continued after support); for each project, its attainment.",
    ),
    "attainment": ("사업별 목표 달성", "Attainment per project"),
    "attainment_chart": ("목표 달성 비율", "Share of targets met"),
    "timeline": ("지역별 회차 기록", "Timeline per region"),
    "targets_met": ("목표 달성", "Targets met"),
    "continued_after": ("지원 뒤 협력 지속", "Continued after support"),
    "round": ("회차", "Round"),
    "year": ("연도", "Year"),
    "results": ("결과", "Results"),
    "no_results": ("아직 보고된 결과 없음", "no result reported yet"),
    "amount_unknown": ("금액 미기록", "amount not recorded"),
    "continued_yes": ("협력 지속", "continued"),
    "continued_no": ("협력 중단", "not continued"),
    "none_recorded": ("기록 없음", "none recorded"),
    "targets_of": ("판정한 목표 수", "Targets judged"),
    "continued_of": ("지속 여부가 기록된 짝", "Pairs with continuation recorded"),
    "unplaced": (
        "결정 파일에 지역이 적히지 않아 지역별 기록에 넣지 못한 지원 짝",
        "Funded pairs whose decision names no region, so on no region's line",
    ),
    "history_sheet": ("회차 기록", "history"),
    "attainment_sheet": ("목표 달성", "attainment"),
    "no_history": (
        "기록에 지역이 적힌 지원 짝이 없습니다.",
        "The records hold no funded pair with its region.",
    ),
}


def labels(language: str) -> dict[str, str]:
    """The report's words in one language."""
    index = 0 if language == "ko" else 1
    return {name: pair[index] for name, pair in LABELS.items()}
