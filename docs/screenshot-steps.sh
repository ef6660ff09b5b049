# Sourced by take-screenshots.sh: the clicks that lead to each screenshot, for a 1440x900 screen
# with the demo data of -Doutpost.demo=events=2000 (coordinates are the product's layout there).
shot events-register
double 300 283            # an overdue event, In progress
shot event-editor
click 592 456; xdotool key Down Return; sleep 1   # status -> Completed: unanswered questions
shot event-editor-validation
for y in 518 596 635; do click 936 "$y"; xdotool key Down Return; sleep 1; done
shot event-editor-answered
click 956 758             # Save: queued as an update
click 981 112             # New event...
shot event-new
close_dialog
click 80 40               # Findings perspective
click 200 204; xdotool mousemove 1000 300
shot findings-register
double 200 204
click 971 376; xdotool key ctrl+l; xdotool type --delay 20 "$PWD/docs/images/events-register.png"; xdotool key Return; sleep 3
shot finding-editor
close_dialog
double 100 689
shot action-editor
close_dialog
click 52 107              # New finding...
click 764 280; xdotool type --delay 20 "Fire door wedged open"; click 526 325; xdotool mousemove 1000 800
shot finding-new
close_dialog
click 146 40; xdotool mousemove 1000 850
shot obligations-register
double 300 185
shot obligation-editor
close_dialog
click 196 40; xdotool mousemove 1000 850
shot risks-register
double 300 185
shot risk-editor
close_dialog
click 240 40; click 63 72; xdotool mousemove 1000 850
shot sync-queue
