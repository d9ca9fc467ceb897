${issue.subject}

${content.text}
