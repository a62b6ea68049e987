from inbox_assistant.cli import main

main()
