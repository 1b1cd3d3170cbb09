"""The planner's report: one offline HTML page or an Excel workbook.

`data.build_report_data` assembles everything from the library's own results (the same
scores, matches, allocation and sensitivity the other commands print); `html` and `xlsx`
only lay that out. Nothing is imported here, so `matchmaker --help` stays light.
"""
