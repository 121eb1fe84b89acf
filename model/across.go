package model

import (
	"time"

	"sitrep/model/extract"
)

// Speaker is one person quoted across the stories of a view: the fullest
// name, the role most often given, how many quotes, and the dates of the
// first and last story quoting them. Names are the lower-case speaker
// names merged into it (Kerry into John Kerry).
type Speaker struct {
	Name        string
	Role        string
	Quotes      int
	First, Last time.Time
	Names       []string
}

// SpeakerQuote is one quotation of a speaker with the story it is from.
type SpeakerQuote struct {
	StoryID   int64
	Title     string
	Source    string
	Published time.Time
	Speaker   string
	Text      string
	N         int // index among the story's quotes
	Start     int
	End       int
}

// FigureRow is one figure with the story it is from and the sentence it
// stands in.
type FigureRow struct {
	StoryID   int64
	Title     string
	Source    string
	Published time.Time
	N         int // index among the story's figures
	Stat      extract.Stat
	Sentence  string
}

// FigureOrder is how the Figures pane sorts.
type FigureOrder int

const (
	FiguresByDate  FigureOrder = iota // newest story first
	FiguresByValue                    // largest first, within a category
)
