# Sourced by take-screenshots.sh: the clicks that lead to each screenshot, for a 1440x900 screen
# with the demo data of -Doutpost.demo=events=2000 (coordinates are the product's layout there).
click 300 237; xdotool mousemove 1000 870
shot events-register
double 300 513            # an overdue event, In progress
click 485 772             # Raise finding... in the event's Findings and actions section
xdotool type --delay 20 "Waste bins overflowing behind the kitchen"; click 956 535
click 767 772             # Add action... linked to the event
xdotool type --delay 20 "Empty the bins daily until the new contract starts"; click 961 522
xdotool mousemove 1200 870
shot event-editor
click 592 456; xdotool key Down Return; sleep 1   # status -> Completed: unanswered questions
shot event-editor-validation
click 936 518; xdotool key Down Return; sleep 1
shot event-editor-answered
click 956 838             # Save: queued as an update
click 300 513; click 1065 112   # Delete... the event: confirmed, then refused (it has findings)
click 934 457; xdotool mousemove 1200 870
shot events-delete-refused
click 944 462
click 981 112             # New event...
shot event-new
close_dialog
click 80 40               # Findings perspective
click 200 204; xdotool mousemove 1000 300
shot findings-register
double 200 204
click 971 376; xdotool key ctrl+l; xdotool type --delay 20 "$photo"; xdotool key Return; sleep 2
click 1219 798             # Open, when Return only completed the name
xdotool mousemove 1200 870
shot finding-editor
click 840 589             # Cancel
double 100 679
shot action-editor
click 845 537             # Cancel
click 52 107              # New finding...
click 764 280; xdotool type --delay 20 "Fire door wedged open"; click 526 325; xdotool mousemove 1000 800
shot finding-new
close_dialog
click 146 40; click 300 185; xdotool mousemove 1000 850
shot obligations-register
double 300 185
click 478 538             # Add action... for the obligation
xdotool type --delay 20 "Install a continuous emissions monitor on stack 2"; click 961 438
xdotool mousemove 1200 870
shot obligation-editor
click 840 600             # Cancel
click 196 40; xdotool mousemove 1000 850
shot risks-register
double 300 185
shot risk-editor
close_dialog
click 265 40; click 200 181; xdotool mousemove 1000 850
shot documents-register
click 316 40; click 124 72; xdotool mousemove 1000 850   # Sync perspective, Queue tab
shot sync-queue
